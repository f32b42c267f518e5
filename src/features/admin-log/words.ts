import type { Cues } from '../common/cues.js';
import { ADMIN_COMMANDS } from '../manage/words.js';

export const ADMIN_LOG_WORDS = [ADMIN_COMMANDS.log, 'audit log'] as const;

/** Sentences asking who changed what: "ใครแก้การตั้งค่า", "ขอดูประวัติการแก้ไขของผู้ดูแล". */
export const ADMIN_LOG_CUES: Cues = {
  weights: {
    บันทึกการจัดการ: 3, ประวัติการจัดการ: 3, ประวัติการแก้ไข: 2, ประวัติการเปลี่ยนแปลง: 2, ใครแก้: 2, ใครเปลี่ยน: 2, ใครเพิ่ม: 1.5, ใครลบ: 1.5, 'audit log': 3, audit: 2,
    การตั้งค่า: 1, บทบาท: 1, ประวัติ: 1, ย้อนหลัง: 0.5, บันทึก: 0.5,
  },
  needs: ['ประวัติ', 'ใคร', 'บันทึกการจัดการ', 'audit'],
  // A case's or an item's history is theirs; a complaint about someone is a complaint.
  not: ['ร้องเรียน', 'ทุจริต', 'เรื่องที่', 'ติดตาม', 'รายงาน', 'โครงการ', 'มาตรการ'],
};

export const ADMIN_LOG_TEXT = {
  heading: 'บันทึกการจัดการ',
  headingOlder: 'บันทึกการจัดการ (ก่อนหน้า)',
  empty: 'ยังไม่มีบันทึกการจัดการ\nเมื่อมีการนำเข้าไฟล์ เชิญ เปลี่ยนบทบาท หรือเพิกถอนเจ้าหน้าที่ หรือเปลี่ยนการตั้งค่า ระบบจะบันทึกไว้ที่นี่ว่าใครทำอะไร เมื่อไร',
  noOlder: 'ไม่มีบันทึกก่อนหน้านี้แล้ว',
  older: 'ก่อนหน้านี้',
  by: (name: string) => `โดย ${name}`,
  viaLine: 'ทาง LINE',
} as const;
