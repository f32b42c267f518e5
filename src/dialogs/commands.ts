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
  const kind = SIMPLE[t.toLowerCase()];
  return kind ? ({ kind } as Command) : null;
}
