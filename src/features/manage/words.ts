import type { Cues } from '../common/cues.js';

/**
 * The admin's typed commands (issue 24), as the home card's buttons and the admin menu's tiles send them.
 * `manage` and `log` are answered here (features manage/ and admin-log/); the others by the features that
 * import files, manage staff and change settings.
 */
export const ADMIN_COMMANDS = {
  manage: 'จัดการ',
  importFile: 'นำเข้าไฟล์',
  invite: 'เชิญเจ้าหน้าที่',
  staff: 'เจ้าหน้าที่',
  settings: 'ตั้งค่า',
  log: 'บันทึกการจัดการ',
} as const;

/** Sentences asking for the admin's home: "ขอเมนูผู้ดูแลระบบ", "จัดการระบบของหน่วยงาน". */
export const MANAGE_CUES: Cues = {
  weights: {
    จัดการระบบ: 2, จัดการหน่วยงาน: 2, จัดการองค์กร: 2, เมนูผู้ดูแล: 2, เมนูแอดมิน: 2, หน้าผู้ดูแล: 2, 'admin menu': 2,
    ผู้ดูแลระบบ: 1, แอดมิน: 1, admin: 1, ระบบ: 0.5, เมนู: 0.5, หน้าหลัก: 1,
  },
  // Someone reporting an admin, or asking who the admin is, is not asking for the admin's home.
  not: ['ร้องเรียน', 'ทุจริต', 'โกง', 'ใคร', 'ติดต่อ', 'เบอร์'],
};

export const MANAGE_TEXT = {
  refusal: 'คำสั่งนี้สำหรับผู้ดูแลระบบของหน่วยงานเท่านั้น หากท่านต้องดูแลระบบ กรุณาติดต่อผู้ดูแลระบบของหน่วยงานเพื่อเพิ่มบทบาทให้',
  heading: 'จัดการหน่วยงาน',
  unnamed: 'ยังไม่ได้ตั้งชื่อหน่วยงาน',
  fiscalYear: 'ปีงบประมาณที่รายงาน',
  plan: 'รายการในแผนประจำปี',
  noPlan: 'ยังไม่ได้นำเข้า',
  people: 'เจ้าหน้าที่ที่ใช้งาน',
  noStaff: 'ยังไม่มีเจ้าหน้าที่ลงทะเบียน',
  items: (n: string) => `${n} รายการ`,
  persons: (n: string) => `${n} คน`,
  byRole: 'ตามบทบาท (หนึ่งคนมีได้หลายบทบาท)',
  buttons: 'เลือกสิ่งที่ต้องการจัดการ',
} as const;
