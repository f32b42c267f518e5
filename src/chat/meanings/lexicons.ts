/**
 * How people write, one list per thing the bot listens for. Entries are written as people type them
 * (after the normaliser: lower case, Arabic digits, particles gone); a multi-word entry matches the same
 * words in a row, so "ไฟ" never matches inside "ไฟล์". Built from everyday usage, not from the labelled
 * phrase set that measures the bot (test/), which stays unseen.
 */

/** What a local complaint is about: public works, utilities, nuisance, the places they happen. */
export const COMPLAINT_TOPICS = [
  'ถนน', 'ซอย', 'สะพาน', 'ทางเท้า', 'ฟุตบาท', 'ทางเข้า', 'หมู่บ้าน', 'ชุมชน', 'หลุม', 'บ่อ', 'ไฟ', 'ไฟทาง', 'ไฟถนน', 'ไฟฟ้า', 'ไฟกิ่ง', 'เสาไฟ',
  'หลอดไฟ', 'สายไฟ', 'น้ำ', 'น้ำประปา', 'ประปา', 'ท่อ', 'ท่อระบายน้ำ', 'ระบายน้ำ', 'น้ำท่วม', 'น้ำขัง', 'น้ำเสีย', 'ขยะ', 'ถังขยะ',
  'เสียง', 'เสียงดัง', 'กลิ่น', 'เหม็น', 'ควัน', 'ฝุ่น', 'สุนัข', 'หมา', 'แมว', 'จรจัด', 'ยุง', 'งู', 'ต้นไม้', 'กิ่งไม้', 'หญ้า', 'รถ', 'จอดรถ',
  'สิบล้อ', 'รถบรรทุก', 'สัญญาณไฟ', 'ป้าย', 'คลอง', 'ลำห้วย', 'สวนสาธารณะ', 'ตลาด', 'แผง', 'แม่ค้า', 'ร้านค้า', 'โรงงาน', 'ฟาร์ม',
  'การก่อสร้าง', 'ก่อสร้าง', 'ผู้รับเหมา', 'โรงเรียน', 'เจ้าหน้าที่', 'บริการ', 'road', 'street', 'light', 'water', 'garbage', 'trash',
  'noise', 'flood', 'dog',
];

/** Words that say something is wrong: a bad state, a harm, a nuisance that goes on. */
export const PROBLEM_WORDS = [
  'เสีย', 'ไม่ติด', 'ดับ', 'พัง', 'ชำรุด', 'แตก', 'รั่ว', 'ตัน', 'อุดตัน', 'ไม่ไหล', 'ไหลอ่อน', 'ขุ่น', 'ล้ม', 'หัก', 'ทรุด', 'เป็นหลุม',
  'เป็นบ่อ', 'ขรุขระ', 'ห้อย', 'ขาด', 'หลุด', 'เอียง', 'มืด', 'ลื่น', 'ล้น', 'เน่า', 'สกปรก', 'เต็มไปหมด', 'กีดขวาง', 'เกะกะ', 'ขวางทาง',
  'เดินไม่ได้', 'ผ่านไม่ได้', 'ไม่มีใครมา', 'ไม่มีคนมา', 'ไม่มา', 'ไม่เก็บ', 'ไม่ได้เก็บ', 'ไม่ซ่อม', 'ไม่แก้', 'ไม่กลบ', 'ยังไม่',
  'เดือดร้อน', 'รำคาญ', 'รบกวน', 'อันตราย',
  'ไม่ปลอดภัย', 'น่ากลัว', 'ปัญหา', 'กัด', 'เจ็บ', 'บาดเจ็บ', 'อุบัติเหตุ', 'หอบ', 'ป่วย', 'เผา', 'ไฟไหม้', 'ขุด', 'ไม่สะดวก', 'ท่วม', 'ดัง',
  'เหม็น', 'broken', 'dangerous',
];

/** How long or how often: a nuisance that goes on, though "ขอบคุณเยอะๆ" is no complaint. */
export const PERSISTENCE_WORDS = ['นานแล้ว', 'หลายวัน', 'หลายมื้อ', 'เป็นเดือน', 'เป็นอาทิตย์', 'ทุกวัน', 'ทุกคืน', 'ทุกเย็น', 'ทุกเช้า', 'บ่อย', 'เยอะ', 'เยอะมาก'];

/** Words that ask for someone to come and fix it: a complaint with a topic, but also said in thanks ("ซ่อมไฟเสร็จแล้ว ขอบคุณ"). */
export const FIX_WORDS = ['แก้ไข', 'ซ่อม', 'แจ้งซ่อม', 'มาดู', 'ช่วย', 'fix', 'repair'];
// "แจ้ง", "ร้องเรียน" are not problem words: "อยากร้องเรียนเรื่องถนน" asks to complain and has not yet told
// what happened, so it starts the complaint rather than becoming its story.

/**
 * Words of bribery, fraud, favour and public property put to private use, in every register: these put
 * the confidential channel first.
 */
export const CORRUPTION_WORDS = [
  'สินบน', 'ใต้โต๊ะ', 'โกง', 'ฮั้ว', 'เงินทอน', 'เรียกเงิน', 'เรียกรับ', 'ขอเงิน', 'รับเงิน', 'รับซอง', 'ใส่ซอง', 'ซองขาว', 'ส่วนแบ่ง',
  'หัวคิว', 'กินหัวคิว', 'ค่าคอม', 'เปอร์เซ็นต์', 'ชักเปอร์เซ็นต์', 'กินตามน้ำ', 'ตามน้ำ', 'ค่าน้ำร้อนน้ำชา', 'ค่าอำนวยความสะดวก', 'แลกกับ',
  'ทุจริต', 'เอื้อประโยชน์', 'ผลประโยชน์ทับซ้อน', 'คอร์รัปชัน', 'คอร์รัปชั่น', 'คอรัปชั่น', 'ประพฤติมิชอบ', 'ยักยอก', 'เบียดบัง', 'อมเงิน',
  'เส้นสาย', 'เล่นพวก', 'พวกพ้อง', 'ล็อกสเปก', 'ล็อกสเปค', 'เกินจริง', 'แพงเกิน', 'ใบเสร็จ', 'ไม่ออกใบเสร็จ', 'เบิกเท็จ', 'เบิกเงิน',
  'ปลอม', 'งบหาย', 'เงินหาย', 'ไม่เคยมาถึง', 'ไม่ถึงมือ', 'รถหลวง', 'ของหลวง', 'รถราชการ', 'ใช้ส่วนตัว', 'เอาไปใช้ส่วนตัว', 'ซื้อเสียง',
  'ติดสินบน', 'จ่ายใต้โต๊ะ', 'เบาะแส', 'corruption', 'corrupt', 'bribe', 'bribery', 'fraud', 'kickback', 'cheat', 'scam',
];

/** Thanks and praise: a message built round them is a pleasantry even when it names what was done. */
export const THANKS = [
  'ขอบคุณ', 'ขอบคุณมาก', 'ขอบพระคุณ', 'ยินดี', 'ชื่นชม', 'ประทับใจ', 'น่ารัก', 'สุดยอด', 'เยี่ยม', 'ยอดเยี่ยม', 'เก่ง', 'ดีมาก', 'ไว', 'เร็ว',
  'thanks', 'thank', 'thx', 'ty', 'good', 'great', 'nice',
];

/** Agreement, greetings, laughter, small talk and tries: a polite answer, never a request. */
export const PLEASANTRIES = [
  ...THANKS, 'โอเค', 'เค', 'โอเคร', 'ok', 'okay', 'okie', 'ได้', 'ได้เลย', 'รับทราบ', 'ทราบแล้ว', 'เข้าใจแล้ว', 'สวัสดี', 'หวัดดี', 'ดี', 'ดีจ้า',
  'อรุณสวัสดิ์', 'ราตรีสวัสดิ์', 'ฝันดี', 'สบายดี', 'สบายดีไหม', 'สบายดีมั้ย', 'กินข้าว', 'กินข้าวยัง', 'ไม่เป็นไร', 'ไม่มีอะไร', 'กดผิด',
  'พิมพ์ผิด', 'ทดสอบ', 'ลองดู', 'test', 'testing', '555', 'ฮ่า', 'ฮ่าฮ่า', 'อิอิ', 'คิคิ', 'lol', 'hello', 'hi', 'hey', 'morning', 'noted',
];

/** Words that may sit in a pleasantry without making it a request ("ขอบคุณที่แจ้งเรื่องให้ทราบ", "สวัสดีวันจันทร์"). */
export const PLEASANTRY_FILLERS = [
  'มาก', 'มากๆ', 'ที่', 'แจ้ง', 'เรื่อง', 'ให้', 'ทราบ', 'ช่วย', 'ตอบ', 'กลับ', 'you', 'very', 'much', 'a', 'lot', 'so', 'ทุก', 'คน',
  'ท่าน', 'เจ้าหน้าที่', 'แอดมิน', 'admin', 'แล้ว', 'ครับผม', 'เช่นกัน', 'เหมือนกัน', 'ตอน', 'เช้า', 'วัน', 'นี้', 'จันทร์', 'อังคาร',
  'พุธ', 'พฤหัส', 'ศุกร์', 'เสาร์', 'อาทิตย์', 'ปีใหม่', 'ยัง', 'รอ', 'รอได้', 'ได้รับ', 'รับ', 'จัง', 'เลย', 'หน่อย', 'ด้วย', 'แน่', 'นะ',
  'หลาย', 'จริงๆ', 'จริง', 'ค่า', 'จ้ะ', 'เสร็จ', 'เรียบร้อย', 'bot', 'บอท', 'ระบบ', 'กัน', 'นะคะ',
];

/**
 * Words that make a message more than a pleasantry: asking for something, a question, a refusal. Said
 * after "ขอบคุณที่…" they only tell what is thanked for ("ขอบคุณที่ช่วยเหลือ").
 */
export const ASKING_WORDS = ['ขอ', 'อยาก', 'ต้องการ', 'รบกวน', 'ช่วย', 'ช่วยเหลือ', 'แจ้ง', 'ร้องเรียน', 'ติดตาม', 'ไม่', 'ไหม', 'มั้ย', 'อะไร', 'ยังไง', 'อย่างไร', 'ไหน', 'เมื่อไร', 'เมื่อไหร่', 'ทำไม', 'ใคร'];

/** A person's own cases: the things filed ("เรื่อง", "ประวัติ") and whose they are or that they were sent. */
export const CASE_WORDS = ['เรื่อง', 'รายการ', 'ประวัติ', 'คำร้อง', 'เคส', 'case', 'cases', 'ร้องเรียน'];
export const OWN_CASE_WORDS = [
  'ของฉัน', 'ของผม', 'ของหนู', 'ของเรา', 'ของดิฉัน', 'ของกระผม', 'ของข้าพเจ้า', 'ของตัวเอง', 'ของเค้า', 'ของเขา', 'my', 'mine', 'ที่เคย', 'เคยแจ้ง',
  'เคยร้องเรียน', 'เคยส่ง', 'แจ้งไว้', 'แจ้งไป', 'ส่งไป', 'ส่งไว้', 'ร้องเรียนไว้', 'ร้องเรียนไป', 'ที่แจ้ง', 'ที่ส่ง', 'ที่ร้องเรียน', 'ประวัติ',
];

/** Asking what the bot can do or how to use it; the words around such a request say nothing more. */
export const HELP_WORDS = [
  'ช่วยเหลือ', 'ความช่วยเหลือ', 'เมนู', 'menu', 'help', 'วิธีใช้', 'คู่มือ', 'คำสั่ง', 'สอน', 'แนะนำ', 'ใช้ยังไง', 'ใช้อย่างไร', 'ใช้งานยังไง',
  'ใช้งานอย่างไร', 'ทำยังไง', 'ทำอย่างไร', 'ทำอะไรได้', 'อะไรได้บ้าง', 'มีอะไรบ้าง', 'how to use', 'what can', 'commands', 'งง', 'ไม่เข้าใจ',
];
export const HELP_FILLERS = [
  'ขอ', 'ดู', 'หน่อย', 'บ้าง', 'ใช้', 'ใช้งาน', 'งาน', 'ระบบ', 'บอท', 'bot', 'line', 'ไลน์', 'นี้', 'นี่', 'มี', 'อะไร', 'ได้', 'พิมพ์', 'ทำ',
  'ต้อง', 'ยังไง', 'อย่างไร', 'ไง', 'ยัง', 'ด้วย', 'หรือ', 'เลย', 'การ', 'ฉัน', 'ผม', 'หนู', 'เรา', 'ไม่', 'รู้', 'จะ', 'เริ่ม', 'ยังไงดี',
  'บอก', 'หา', 'อยู่', 'ไหน', 'ที่', 'the', 'i', 'me', 'can', 'do', 'you', 'how', 'what', 'to', 'use', 'please', 'need', 'show',
];

/** The executive's latest figures. */
export const SUMMARY_WORDS = ['สรุป', 'สรุปผล', 'ภาพรวม', 'ผลการดำเนินงาน', 'ผลงาน', 'ผลการปฏิบัติงาน', 'ตัวเลข', 'ภาพ รวม', 'summary', 'overview', 'dashboard'];

/**
 * Words naming other organisations ("ภาพรวมจังหวัด"): the supervising offices' roll-up, never an
 * organisation's own summary, so they keep an executive's request from being read as one.
 */
export const WIDER_SCOPE_WORDS = ['จังหวัด', 'อำเภอ', 'ประเทศ', 'ทั้งประเทศ', 'อปท', 'ในสังกัด', 'องค์กรปกครอง', 'ท้องถิ่น', 'ทุกองค์กร', 'ทุกแห่ง', 'province', 'district'];

/** A file of the official reports. */
export const EXPORT_WORDS = ['ไฟล์', 'excel', 'เอ็กเซล', 'word', 'docx', 'xlsx', 'pdf', 'ดาวน์โหลด', 'โหลด', 'ส่งออก', 'export', 'download', 'file', 'เอกสาร'];

/** Words of asking and reporting that say nothing of what happened ("report corruption", "อยากแจ้ง"). */
export const REQUEST_WORDS = ['report', 'แจ้ง', 'อยาก', 'ขอ', 'การ', 'เรื่อง', 'ต้องการ', 'จะ', 'มี', 'ว่า', 'i', 'want', 'to', 'a', 'ร้องเรียน', 'รายงาน', 'ช่อง', 'ทาง'];
