import type { StaffRole } from '../../domain/roles.js';

/** The whole messages that start an invitation, Thai first. */
export const INVITE_LABEL = 'เชิญเจ้าหน้าที่';
export const INVITE_WORDS = [INVITE_LABEL, 'ออกรหัสเชิญ', 'invite staff'] as const;

/** "ขอออกรหัสเชิญเจ้าหน้าที่ใหม่หน่อย", "เชิญผู้บริหารเข้าระบบ": an invitation asked for in a sentence (on the text without spaces). */
export const INVITE_MEANING = /^(?:ขอ|อยาก|ต้องการ|จะ)?(?:ออก|สร้าง)?(?:รหัส|โค้ด)?เชิญ(?:เจ้าหน้าที่|พนักงาน|บุคลากร|ผู้บริหาร|ผู้ดูแล|นิติกร|คน|ผู้ใช้|ใหม่)/;

/** Roles on a button (LINE's 20-character labels); the messages name them in full (ROLE_TH). */
export const ROLE_BUTTON: Record<StaffRole, string> = {
  officer: 'ผู้รายงานมาตรการ',
  complaint_officer: 'รับเรื่องร้องเรียน',
  integrity_officer: 'นิติกร',
  executive: 'ผู้บริหาร',
  admin: 'ผู้ดูแลระบบ',
  reviewer: 'ผู้ตรวจข้อมูล OIT',
  supervisor: 'หน่วยกำกับดูแล',
};

/** How long a code from LINE stays usable: the CLI's default. */
export const INVITE_VALID_HOURS = 72;

export const INVITE_TEXT = {
  refusal: 'คำสั่งนี้สำหรับผู้ดูแลระบบเท่านั้น',
  help: '"เชิญเจ้าหน้าที่" ออกรหัสเชิญแบบใช้ครั้งเดียว พร้อมปุ่มส่งต่อคำเชิญทาง LINE',
  askRoles: 'เชิญเจ้าหน้าที่: เลือกบทบาทของผู้ที่จะเชิญ (เลือกได้หลายบทบาท) แล้วกด "ถัดไป"',
  chosen: (roles: string) => `เลือกแล้ว: ${roles || 'ยังไม่ได้เลือก'}`,
  needRole: 'กรุณาเลือกบทบาทอย่างน้อยหนึ่งบทบาท',
  next: 'ถัดไป',
  askUnit: 'ผู้ที่จะเชิญสังกัดหน่วยงานใด กดเลือก หรือพิมพ์ชื่อหน่วยงาน เช่น กองคลัง\nหากไม่ระบุ กด "ข้าม"',
  askPosition: 'ตำแหน่งหรืองานที่รับผิดชอบ เช่น นักวิเคราะห์นโยบายและแผน (ใช้จับคู่กับผู้รับผิดชอบในแผน)\nพิมพ์ตำแหน่ง หรือกด "ข้าม"',
  askScope: 'หน่วยงานกำกับดูแลดูภาพรวมขององค์กรในขอบเขตใด พิมพ์ เช่น จังหวัดอ่างทอง หรือ จังหวัดอ่างทอง/อำเภอโพธิ์ทอง หรือ ทั่วประเทศ',
  badScope: 'อ่านขอบเขตไม่ได้ กรุณาพิมพ์ เช่น จังหวัดอ่างทอง หรือ จังหวัดอ่างทอง/อำเภอโพธิ์ทอง หรือ ทั่วประเทศ',
  oneLine: (what: string, max: string) => `กรุณาพิมพ์${what}ในบรรทัดเดียว ไม่เกิน ${max} ตัวอักษร`,
  needText: 'ขั้นตอนนี้ต้องการข้อความ กรุณาพิมพ์ หรือกดปุ่มด้านล่าง',
  oldStep: 'ปุ่มนี้เป็นของขั้นตอนก่อนหน้า',
  confirmHeading: 'ตรวจสอบก่อนออกรหัสเชิญ',
  confirm: 'ยืนยัน',
  unit: 'หน่วยงาน',
  position: 'ตำแหน่ง/งาน',
  scope: 'ขอบเขต',
  notGiven: 'ไม่ระบุ',
  validFor: (hours: string) => `รหัสใช้ได้ครั้งเดียว ภายใน ${hours} ชั่วโมง`,
  made: (code: string, until: string) =>
    `รหัสเชิญ: ${code}\nใช้ได้ครั้งเดียว ถึง ${until}\nกด "ส่งต่อคำเชิญ" เพื่อเลือกผู้รับในแชต LINE หรือบอกให้ผู้รับพิมพ์ "ลงทะเบียน ${code}" ในแชต LINE ของหน่วยงาน`,
  share: 'ส่งต่อคำเชิญ',
  cardTitle: 'คำเชิญเจ้าหน้าที่',
  altText: (code: string) => `รหัสเชิญ ${code} พร้อมปุ่มส่งต่อคำเชิญ`,
  notAdmin: 'บัญชีของท่านไม่มีบทบาทผู้ดูแลระบบแล้ว จึงไม่ได้ออกรหัสเชิญ',
} as const;
