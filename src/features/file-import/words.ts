import type { Cues } from '../common/cues.js';

/** The typed command that explains how to send a file, as the help and the admin's home card name it. */
export const FILE_IMPORT_LABEL = 'นำเข้าไฟล์';
export const FILE_IMPORT_WORDS = [FILE_IMPORT_LABEL, 'นำเข้าข้อมูล', 'นำเข้าแผน', 'import'] as const;

/**
 * "จะนำเข้าแผนปีหน้ายังไง", "อัปโหลดไฟล์ excel ของแผน": how to bring a file in. Sending a file out (a report,
 * a download) is the export's; a file as evidence is the report's or the complaint's, so those words say no.
 */
export const FILE_IMPORT_CUES: Cues = {
  weights: {
    นำเข้า: 2, อัปโหลด: 2.5, อัพโหลด: 2.5, upload: 2.5,
    ไฟล์แผน: 1, ไฟล์: 0.5, excel: 0.5, เอ็กเซล: 0.5, csv: 1, แผนปฏิบัติการ: 0.5, แผน: 0.5, oit: 0.5, ตารางตัวชี้วัด: 0.5,
  },
  not: ['ส่งออก', 'ดาวน์โหลด', 'export', 'download', 'หลักฐาน', 'รูป', 'ภาพ', 'ร้องเรียน', 'ทุจริต', 'รายงานผล', 'ความก้าวหน้า'],
};

/** The largest file taken: a plan of a hundred items is about 0.3 MB as CSV (the sample's 55 are 138 KB). */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
/** How long a checked file waits for "นำเข้า": a working day's interruptions; it is checked again on confirm. */
export const PENDING_HOURS = 24;

export const FILE_IMPORT_TEXT = {
  /** To a typed request and to a sent file alike: the file was neither opened nor kept. */
  refusal:
    'ขออภัย การนำเข้าไฟล์แผนและข้อมูลของหน่วยงานทำได้เฉพาะผู้ดูแลระบบ ระบบจึงไม่เปิดและไม่เก็บไฟล์ที่ส่งมาเพื่อนำเข้า\nหากต้องการแนบไฟล์กับเรื่องร้องเรียนหรือรายงาน กรุณาเริ่มรายการนั้นก่อน แล้วส่งไฟล์เมื่อระบบขอ',
  inGroup: 'การนำเข้าไฟล์ทำได้ในแชตส่วนตัวกับบอตเท่านั้น ระบบไม่ได้เปิดหรือเก็บไฟล์นี้ไว้ หากต้องการนำเข้า กรุณาส่งไฟล์เดียวกันในแชตส่วนตัว',
  notCsvOrXlsx: (name: string) => `ไฟล์ "${name}" เป็นไฟล์ Excel แบบเก่า ระบบรับไฟล์ .csv หรือ .xlsx เท่านั้น กรุณาเปิดไฟล์แล้วบันทึกเป็น .xlsx หรือ .csv แล้วส่งมาใหม่`,
  tooBig: (name: string, size: string, max: string) =>
    `ไฟล์ "${name}" มีขนาด ${size} MB เกินขนาดที่รับได้ (${max} MB) ระบบจึงยังไม่ได้เปิดอ่าน\nกรุณาลบแผ่นงานหรือรูปภาพที่ไม่ใช้ออก หรือบันทึกเป็น .csv แล้วส่งมาใหม่`,
  notFetched: (name: string) => `ดึงไฟล์ "${name}" จาก LINE ไม่สำเร็จ ไฟล์อาจหมดอายุหรือใหญ่เกินไป กรุณาส่งไฟล์อีกครั้ง`,
  unreadable: (name: string, why: string) => `อ่านไฟล์ "${name}" ไม่ได้: ${why}\nกรุณาตรวจสอบไฟล์แล้วส่งมาใหม่`,
  fixAndResend: 'กรุณาแก้ไขในไฟล์แล้วส่งมาใหม่ได้เลย',
  unknownKind: (name: string) => `ระบบไม่ทราบว่าไฟล์ "${name}" เป็นข้อมูลชนิดใด แถวแรกของไฟล์ต้องเป็นหัวตารางของข้อมูลชนิดใดชนิดหนึ่งต่อไปนี้`,
  previewHeading: 'ตรวจไฟล์แล้ว ยังไม่ได้บันทึก',
  previewNote: 'กด "นำเข้า" เพื่อบันทึกตามนี้ หรือ "ยกเลิก" หากยังไม่ต้องการ',
  confirm: 'นำเข้า',
  cancel: 'ยกเลิก',
  imported: 'นำเข้าแล้ว',
  already: (name: string) => `ไฟล์ "${name}" นำเข้าไปแล้ว ระบบไม่ได้นำเข้าซ้ำ`,
  importing: (name: string) => `ไฟล์ "${name}" กำลังนำเข้าหรือนำเข้าไปแล้ว ระบบไม่ได้นำเข้าซ้ำ`,
  cancelled: (name: string) => `ยกเลิกแล้ว ไม่ได้นำเข้าข้อมูลจากไฟล์ "${name}"`,
  wasCancelled: (name: string) => `ไฟล์ "${name}" ยกเลิกไปแล้ว หากต้องการนำเข้า กรุณาส่งไฟล์มาใหม่`,
  cannotCancel: (name: string) => `ไฟล์ "${name}" นำเข้าไปแล้ว จึงยกเลิกไม่ได้`,
  expired: (name: string, hours: string) => `ไฟล์ "${name}" รอการยืนยันเกิน ${hours} ชั่วโมงแล้ว ระบบจึงไม่ได้นำเข้า กรุณาส่งไฟล์มาใหม่`,
  changed: (name: string) =>
    `ข้อมูลในระบบเปลี่ยนไปหลังจากตรวจไฟล์ "${name}" (อาจมีผู้ดูแลระบบท่านอื่นนำเข้าไฟล์) ระบบจึงยังไม่ได้นำเข้า กรุณาตรวจสิ่งที่จะเปลี่ยนอีกครั้งแล้วกด "นำเข้า"`,
  nowInvalid: (name: string) => `ข้อมูลในระบบเปลี่ยนไปหลังจากตรวจไฟล์ "${name}" และไฟล์นี้นำเข้าไม่ได้แล้ว ระบบจึงยังไม่ได้นำเข้า`,
} as const;

/** The help line for admins (`ช่วยเหลือ`). */
export const FILE_IMPORT_HELP = '"นำเข้าไฟล์" วิธีส่งไฟล์แผน รายการข้อ OIT หรือตารางตัวชี้วัด (.csv หรือ .xlsx) ในแชต เพื่อตรวจและนำเข้า';
