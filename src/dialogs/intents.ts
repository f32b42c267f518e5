import { trackingNumberIn } from '../domain/complaints.js';
import { arabicDigits } from '../domain/thai.js';
import type { Command } from './commands.js';

/**
 * What a person means when no dialog is waiting for an answer, from a sentence as Thai is typed: with or
 * without spaces, with polite particles, Thai or Arabic digits. Inside a dialog only the exact commands of
 * `parseCommand` count, because a typed answer ("อยากร้องเรียนเรื่องถนน" as a complaint's story) must stay an
 * answer.
 */
interface Rule {
  kind: Command['kind'];
  /** Matched against the text without spaces, lower-cased, with Arabic digits. */
  pattern: RegExp;
}

// Order matters: the first rule that matches wins, so narrower phrases come before the words they contain.
const RULES: Rule[] = [
  { kind: 'exportReport', pattern: /ส่งออกรายงาน|ดาวน์?โหลดรายงาน|ขอไฟล์รายงาน|ออกรายงาน|^export/ },
  { kind: 'complaintStats', pattern: /สถิติ.*(ร้องเรียน|ร้องทุกข์)|(ร้องเรียน|ร้องทุกข์).*สถิติ|complaintstats/ },
  { kind: 'myCases', pattern: /เรื่องของ(ฉัน|ผม|หนู|เรา|ดิฉัน)|เรื่องที่(ฉัน|ผม|ดิฉัน)?(แจ้ง|ร้องเรียน|ร้องทุกข์)(ไว้|ไป)|^mycases/ },
  { kind: 'complaint', pattern: /ร้องเรียน|ร้องทุกข์|แจ้งทุจริต|แจ้งเบาะแส|ทุจริต|คอร์รัปชั่?น|แจ้งเรื่อง|แจ้งปัญหา|^complain/ },
  { kind: 'summary', pattern: /^(ขอ|ดู)?สรุป|^summary/ },
  { kind: 'report', pattern: /^(ขอ|จะ|ต้องการ|อยาก)?(ส่ง)?รายงาน|รายงานความก้าวหน้า|รายงานผล|^report/ },
  { kind: 'help', pattern: /^(สวัสดี|หวัดดี|ดีครับ|ดีค่ะ|ดีจ้า|hello|hi|hey)|ช่วยเหลือ|วิธีใช้|ใช้งานยังไง|ทำอะไรได้(บ้าง)?|^เมนู|^menu|^help/ },
];

/** The command a sentence asks for, if it asks for one. */
export function matchIntent(text: string): Command | null {
  const plain = arabicDigits(text).toLowerCase().replace(/\s+/g, '');
  if (plain === '') return null;
  const tracking = trackingNumberIn(text);
  if (tracking && (/ติดตาม|track|สถานะ|ตามเรื่อง|เรื่อง/.test(plain) || plain === tracking.toLowerCase())) return { kind: 'track', trackingNo: tracking };
  const rule = RULES.find((r) => r.pattern.test(plain));
  return rule ? ({ kind: rule.kind } as Command) : null;
}
