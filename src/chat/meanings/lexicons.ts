/**
 * How people write, one list per thing the bot listens for. Entries are written as people type them
 * (after the normaliser: lower case, Arabic digits, particles gone); a multi-word entry matches the same
 * words in a row, so "ไฟ" never matches inside "ไฟล์". Built from everyday usage, not from the labelled
 * phrase set that measures the bot (test/), which stays unseen.
 */

/** What a local complaint is about: public works, utilities, nuisance. */
export const COMPLAINT_TOPICS = [
  'ถนน', 'ซอย', 'สะพาน', 'ทางเท้า', 'ฟุตบาท', 'หลุม', 'บ่อ', 'ไฟ', 'ไฟทาง', 'ไฟถนน', 'ไฟฟ้า', 'เสาไฟ', 'หลอดไฟ', 'สายไฟ',
  'น้ำ', 'น้ำประปา', 'ประปา', 'ท่อ', 'ท่อระบายน้ำ', 'ระบายน้ำ', 'น้ำท่วม', 'น้ำขัง', 'น้ำเสีย', 'ขยะ', 'ถังขยะ', 'เสียง', 'เสียงดัง',
  'กลิ่น', 'เหม็น', 'ควัน', 'ฝุ่น', 'สุนัข', 'หมา', 'แมว', 'ยุง', 'ต้นไม้', 'กิ่งไม้', 'หญ้า', 'รถ', 'จอดรถ', 'สัญญาณไฟ', 'ป้าย',
  'คลอง', 'ลำห้วย', 'สวนสาธารณะ', 'ตลาด', 'ร้านค้า', 'โรงงาน', 'ฟาร์ม', 'การก่อสร้าง', 'ก่อสร้าง', 'เจ้าหน้าที่', 'บริการ',
  'road', 'light', 'water', 'garbage', 'trash', 'noise', 'flood', 'dog',
];

/** Words that say something is wrong, or that someone should come and fix it. */
export const PROBLEM_WORDS = [
  'เสีย', 'ไม่ติด', 'ดับ', 'พัง', 'ชำรุด', 'แตก', 'รั่ว', 'ตัน', 'อุดตัน', 'ไม่ไหล', 'ไหลอ่อน', 'ขุ่น', 'ล้ม', 'หัก', 'ทรุด', 'เป็นหลุม',
  'ไม่มีใครมา', 'ไม่มีคนมา', 'ไม่มา', 'ไม่เก็บ', 'ไม่ได้เก็บ', 'ไม่ซ่อม', 'ไม่แก้', 'ยังไม่', 'นานแล้ว', 'หลายวัน', 'เป็นเดือน', 'ทุกวัน',
  'แก้ไข', 'ซ่อม', 'แจ้งซ่อม', 'เดือดร้อน', 'รำคาญ', 'อันตราย', 'ปัญหา', 'ช่วย', 'มาดู',
  'ไม่สะดวก', 'ท่วม', 'ดัง', 'เหม็น', 'broken', 'fix', 'repair',
];
// "แจ้ง", "ร้องเรียน" are not problem words: "อยากร้องเรียนเรื่องถนน" asks to complain and has not yet told
// what happened, so it starts the complaint rather than becoming its story.

/** Words of bribery, fraud and favour: these put the confidential channel first. */
export const CORRUPTION_WORDS = [
  'สินบน', 'ใต้โต๊ะ', 'โกง', 'ฮั้ว', 'เงินทอน', 'เรียกเงิน', 'เรียกรับ', 'ทุจริต', 'รับเงิน', 'เอื้อประโยชน์', 'คอร์รัปชัน', 'คอร์รัปชั่น',
  'คอรัปชั่น', 'ประพฤติมิชอบ', 'ยักยอก', 'เบียดบัง', 'ค่าน้ำร้อนน้ำชา', 'เส้นสาย', 'ล็อกสเปก', 'ล็อคสเปค', 'กินหัวคิว', 'หัวคิว',
  'ติดสินบน', 'จ่ายใต้โต๊ะ', 'เบาะแส', 'corruption', 'corrupt', 'bribe', 'bribery', 'fraud',
];

/** Thanks, agreement, greetings and laughter: a polite answer, never a request. */
export const PLEASANTRIES = [
  'ขอบคุณ', 'ขอบคุณมาก', 'ขอบใจ', 'ขอบพระคุณ', 'โอเค', 'ok', 'okay', 'ได้', 'ได้เลย', 'รับทราบ', 'ทราบแล้ว', 'เข้าใจแล้ว', 'สวัสดี', 'หวัดดี',
  'ดี', 'ดีจ้า', 'อรุณสวัสดิ์', 'ฝันดี', '555', 'thanks', 'thank', 'thx', 'hello', 'hi', 'good', 'morning', 'noted', 'เยี่ยม', 'เก่ง',
];

/** Words that may sit in a pleasantry without making it a request ("ขอบคุณที่แจ้งเรื่องให้ทราบ"). */
export const PLEASANTRY_FILLERS = [
  'มาก', 'มากๆ', 'ที่', 'แจ้ง', 'เรื่อง', 'ให้', 'ทราบ', 'ช่วย', 'ตอบ', 'กลับ', 'you', 'very', 'much', 'a', 'lot', 'so', 'ทุก', 'คน',
  'ท่าน', 'เจ้าหน้าที่', 'แล้ว', 'จ้ะ', 'ครับผม', 'ค่า', 'เช่นกัน', 'เหมือนกัน', 'ตอน', 'เช้า',
];

/** The executive's latest figures. */
export const SUMMARY_WORDS = [
  'สรุป', 'สรุปผล', 'ภาพรวม', 'ภาพรม', 'ผลการดำเนินงาน', 'ผลการดำเนินการ', 'ผลงาน', 'ผลการปฏิบัติงาน', 'ตัวเลข', 'ภาพ รวม', 'ไปถึงไหน',
  'ถึงไหนแล้ว', 'summary', 'overview', 'dashboard', 'แดชบอร์ด',
];

/**
 * Words naming other organisations ("ภาพรวมจังหวัด"): the supervising offices' roll-up, never an
 * organisation's own summary, so they keep an executive's request from being read as one.
 */
export const WIDER_SCOPE_WORDS = [
  'จังหวัด', 'อำเภอ', 'ประเทศ', 'ทั้งประเทศ', 'อปท', 'ในสังกัด', 'องค์กรปกครอง', 'ท้องถิ่น', 'ทุกองค์กร', 'ทุกแห่ง', 'แต่ละแห่ง',
  'รายองค์กร', 'เทศบาลทั้งหมด', 'อบต ทั้งหมด', 'province', 'district',
];

/** A file of the official reports. */
export const EXPORT_WORDS = [
  'ไฟล์', 'excel', 'เอ็กเซล', 'เอ็กเซล์', 'word', 'เวิร์ด', 'docx', 'xlsx', 'csv', 'pdf', 'ดาวน์โหลด', 'ดาวโหลด', 'โหลด', 'ส่งออก', 'export',
  'download', 'file', 'เอกสาร', 'e-plannacc', 'eplannacc', 'plannacc', 'e-plan', 'พิมพ์รายงาน', 'ออกรายงาน',
];

/** Words of asking and reporting that say nothing of what happened ("report corruption", "อยากแจ้ง"). */
export const REQUEST_WORDS = ['report', 'แจ้ง', 'อยาก', 'ขอ', 'การ', 'เรื่อง', 'ต้องการ', 'จะ', 'มี', 'ว่า', 'i', 'want', 'to', 'a', 'ร้องเรียน', 'รายงาน', 'ช่อง', 'ทาง'];
