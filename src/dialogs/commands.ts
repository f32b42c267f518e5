import { trackingNumberIn } from '../domain/complaints.js';

/**
 * The words users type, in Thai with English aliases. Matching is on the whole message, trimmed and
 * case-insensitive, so a sentence that merely contains a command word is not taken as one.
 */
export type Command =
  | { kind: 'register'; code: string | null }
  | { kind: 'report' }
  | { kind: 'cancel' }
  | { kind: 'help' }
  | { kind: 'summary' }
  | { kind: 'complaint' }
  | { kind: 'track'; trackingNo: string | null }
  | { kind: 'myCases' }
  | { kind: 'cases' }
  | { kind: 'complaintStats' }
  | { kind: 'exportReport' }
  | { kind: 'skip' }
  | { kind: 'confirm' };

const SIMPLE: Record<string, Command['kind']> = {
  รายงาน: 'report',
  report: 'report',
  ยกเลิก: 'cancel',
  cancel: 'cancel',
  ช่วยเหลือ: 'help',
  help: 'help',
  เมนู: 'help',
  menu: 'help',
  ร้องเรียน: 'complaint',
  แจ้งเรื่อง: 'complaint',
  complaint: 'complaint',
  เรื่องของฉัน: 'myCases',
  'my cases': 'myCases',
  เรื่องร้องเรียน: 'cases',
  cases: 'cases',
  สถิติร้องเรียน: 'complaintStats',
  'complaint stats': 'complaintStats',
  ส่งออกรายงาน: 'exportReport',
  export: 'exportReport',
  สรุป: 'summary',
  summary: 'summary',
  ข้าม: 'skip',
  skip: 'skip',
  ไม่มี: 'skip',
  ยืนยัน: 'confirm',
  ยืนยันบันทึก: 'confirm',
  confirm: 'confirm',
};

export function parseCommand(text: string): Command | null {
  const t = text.trim().replace(/\s+/g, ' ');
  const register = t.match(/^(?:ลงทะเบียน|register)(?:\s+(\S+))?$/i);
  if (register) return { kind: 'register', code: register[1] ?? null };
  // `ติดตามG2570-0001`: Thai is written without spaces, and a tracking number cannot be mistaken for anything else.
  const track = t.match(/^(?:ติดตาม|track)(\s*)(.*)$/i);
  if (track && (track[2] === '' || track[1] !== '' || trackingNumberIn(track[2]!))) return { kind: 'track', trackingNo: track[2] || null };
  const kind = SIMPLE[t.toLowerCase()];
  return kind ? ({ kind } as Command) : null;
}
