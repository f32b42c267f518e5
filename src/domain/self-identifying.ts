import { arabicDigits } from './thai.js';

/**
 * What in a corruption story looks like the reporter saying who they are: their own name ("ผมชื่อ…",
 * "ดิฉันชื่อ…", "ชื่อ…นามสกุล…"), a Thai phone number (Arabic or Thai digits, dashes or spaces), a LINE id
 * ("ไลน์ …", "line id …", "@…"). It cannot tell whose a number is: an office's number is flagged too, and the
 * reporter decides. Pure; spans index the text as typed.
 */
export type FindingKind = 'name' | 'phone' | 'line';

export interface Finding {
  kind: FindingKind;
  start: number;
  end: number;
  text: string;
}

export const FINDING_TH: Record<FindingKind, string> = { name: 'ชื่อ', phone: 'เบอร์โทรศัพท์', line: 'ไอดีไลน์' };

// Thai letters and marks (no digits, no ฯ or ฿) and Latin letters: what a name is written in.
const L = 'A-Za-z\\u0E01-\\u0E2E\\u0E30-\\u0E3A\\u0E40-\\u0E4E';
// A whole word of at most 40 letters: a name, or a run-on name with what follows, which the reporter sees.
const WORD = `[${L}]{1,40}(?![${L}])`;
const TITLE = '(?:นางสาว|นาย|นาง|น\\.ส\\.|ด\\.ช\\.|ด\\.ญ\\.)';
const SELF = '(?:กระผม|ผม|ดิฉัน|ดิชั้น|ฉัน|หนู|ข้าพเจ้า|ผู้แจ้ง)';

// Words that start the story again after a name ("ผมชื่อมานะ อยู่หมู่ 3"), not a surname.
const GOES_ON = '(?:อยู่|อายุ|เป็น|เห็น|ได้|ขอ|แจ้ง|ทำงาน|จะ|ซึ่ง|และ|บ้าน|เลขที่|โทร|เบอร์|ไลน์|ติดต่อ|ร้อง|ที่|ใน|ตั้งแต่|เมื่อ|ครับ|ค่ะ|คะ|นะ|หมู่|ตำบล|อำเภอ|จังหวัด)';
// The word after a first name, when it reads as a surname: short, standalone, not the story going on.
const SURNAME = `(?:\\s*นามสกุล\\s*${WORD}|\\s+(?!${GOES_ON})[${L}]{2,20}(?![${L}]))`;

const NAME_PATTERNS = [
  // "ผมชื่อนายมานะ ใจดี", "ดิฉันชื่อสมศรี", "ผมชื่อมานะ นามสกุลใจดี"
  new RegExp(`${SELF}\\s*ชื่อ\\s*(?:${TITLE}\\s*)?${WORD}${SURNAME}?`, 'g'),
  // "ชื่อมานะ นามสกุลใจดี", whoever's it is
  new RegExp(`ชื่อ\\s*(?:${TITLE}\\s*)?${WORD}\\s*นามสกุล\\s*${WORD}`, 'g'),
  // "ข้าพเจ้า นายมานะ ใจดี", as a petition opens
  new RegExp(`ข้าพเจ้า\\s*${TITLE}\\s*${WORD}${SURNAME}?`, 'g'),
];

const LINE_PATTERNS = [
  /(?:ไลน์\s*(?:ไอดี)?|ไอดี\s*ไลน์|(?<![A-Za-z])line\s*(?:id)?|(?<![A-Za-z])id\s*line)\s*[:=]?\s*@?[A-Za-z0-9._-]{3,30}(?![A-Za-z0-9._-])/gi,
  /(?<![A-Za-z0-9._%+-])@[A-Za-z0-9._-]{3,30}(?![A-Za-z0-9._-])/g,
];

/** Whether these digits are a Thai mobile (06/08/09, 10 digits) or landline (02–05, 07; 9 digits) number, +66 or not. */
function isThaiPhone(digits: string): boolean {
  const national = digits.length === 11 && digits.startsWith('66') ? `0${digits.slice(2)}` : digits.length === 12 && digits.startsWith('660') ? digits.slice(2) : digits;
  return /^0[689]\d{8}$/.test(national) || /^0[2-57]\d{7}$/.test(national);
}

/** Phone numbers in runs of digit groups ("โทร 081 234 5678", "หมู่ 3 02-123-4567"); `plain` is in Arabic digits. */
function phones(plain: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  for (const run of plain.matchAll(/\+?\d+(?:(?:[ \t]*-[ \t]*|[ \t]+|\.)\d+)*/g)) {
    const groups = [...run[0].matchAll(/\+?\d+/g)].map((g) => ({ start: run.index + g.index, end: run.index + g.index + g[0].length, digits: g[0].replace('+', '') }));
    // Groups joined by a dash or a dot belong together ("063-2-12345-6" is an account, not a phone and a 6).
    const joined = (k: number) => k > 0 && k < groups.length && /[-.]/.test(plain.slice(groups[k - 1]!.end, groups[k]!.start));
    for (let i = 0; i < groups.length; i++) {
      if (joined(i)) continue;
      let digits = '';
      for (let j = i; j < groups.length && digits.length < 12; j++) {
        digits += groups[j]!.digits;
        if (isThaiPhone(digits) && !joined(j + 1)) {
          found.push([groups[i]!.start, groups[j]!.end]);
          i = j;
          break;
        }
      }
    }
  }
  return found;
}

/** The spans to point out, in order; overlapping ones (a LINE id that is a phone number) become one. */
export function findSelfIdentifying(text: string): Finding[] {
  const spans: Array<{ kind: FindingKind; start: number; end: number }> = [];
  for (const re of NAME_PATTERNS) for (const m of text.matchAll(re)) spans.push({ kind: 'name', start: m.index, end: m.index + m[0].length });
  for (const [start, end] of phones(arabicDigits(text))) spans.push({ kind: 'phone', start, end });
  for (const re of LINE_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const trimmed = m[0].replace(/[._-]+$/, '');
      spans.push({ kind: 'line', start: m.index, end: m.index + trimmed.length });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: typeof spans = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) {
      if (s.end - s.start > last.end - last.start) last.kind = s.kind;
      last.end = Math.max(last.end, s.end);
    } else merged.push({ ...s });
  }
  return merged.map((s) => ({ ...s, text: text.slice(s.start, s.end) }));
}

/**
 * The text without exactly these spans. Only where a span was cut is the spacing mended (two spaces left
 * side by side become one, none at the ends); every other character stays as typed.
 */
export function removeFindings(text: string, findings: readonly Finding[]): string {
  let out = text;
  for (const f of [...findings].sort((a, b) => b.start - a.start)) {
    let before = out.slice(0, f.start);
    let after = out.slice(f.end);
    if (/\s$/.test(before) && /^\s/.test(after)) after = after.replace(/^[ \t]+/, '');
    if (before.trim() === '') before = '';
    if (after.trim() === '') after = '';
    if (before === '') after = after.replace(/^\s+/, '');
    if (after === '') before = before.replace(/\s+$/, '');
    out = before + after;
  }
  return out;
}
