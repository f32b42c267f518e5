import { arabicDigits, thaiDigits, toBuddhistYear } from './thai.js';

/**
 * Text carried over from another organisation's document or from an earlier year: a plan, an OIT list or an
 * indicator table is usually started from someone else's file, and its names and years then reach the
 * official reports. These rules find, in one cell of text, the names of a local government organisation,
 * district or province other than the importing one's, and fiscal years or dates outside the year the row
 * belongs to. They only point; an import warns and goes on (a person may mean what they wrote).
 */

/** The importing organisation, as its record names it. */
export interface ImportingOrganisation {
  name: string;
  district: string;
  province: string;
}

export interface CarriedOverContext {
  organisation: ImportingOrganisation;
  /** The row's fiscal year, B.E. */
  fiscalYear: number;
  /**
   * Other fiscal years the text may name: an OIT list names the year before on purpose (ITAS asks for last
   * year's reports), a plan names none.
   */
  alsoYears?: readonly number[];
}

export interface CarriedOverMention {
  kind: 'organisation' | 'organisation_type' | 'district' | 'province' | 'fiscal_year' | 'date';
  /** The words as the text writes them. */
  text: string;
  /** What a person reads about it, in Thai, after "แถว … คอลัมน์ …:". */
  message: string;
}

/** One warning of an import, in the shape of its row problems (row and column as a person sees them). */
export interface ImportWarning {
  row: number;
  column: string;
  message: string;
}

// ---------------------------------------------------------------- organisations

type OrganisationType = 'sao' | 'pao' | 'tambon' | 'town' | 'city' | 'municipality';
type PlaceKind = OrganisationType | 'district' | 'province';

/**
 * How names begin, longest first so "เทศบาลตำบล" is not read as "เทศบาล" followed by a place "ตำบล…".
 * Abbreviations end in a dot; "อ." and "จ." only stand alone (see `standsAlone`).
 */
const PREFIXES: { written: string; kind: PlaceKind }[] = [
  { written: 'องค์การบริหารส่วนตำบล', kind: 'sao' },
  { written: 'องค์การบริหารส่วนจังหวัด', kind: 'pao' },
  { written: 'เทศบาลตำบล', kind: 'tambon' },
  { written: 'เทศบาลเมือง', kind: 'town' },
  { written: 'เทศบาลนคร', kind: 'city' },
  { written: 'เทศบาล', kind: 'municipality' },
  { written: 'อบต.', kind: 'sao' },
  { written: 'อบจ.', kind: 'pao' },
  { written: 'ทต.', kind: 'tambon' },
  { written: 'ทม.', kind: 'town' },
  { written: 'ทน.', kind: 'city' },
  { written: 'อำเภอ', kind: 'district' },
  { written: 'จังหวัด', kind: 'province' },
  { written: 'อ.', kind: 'district' },
  { written: 'จ.', kind: 'province' },
];

const MUNICIPAL: readonly PlaceKind[] = ['tambon', 'town', 'city', 'municipality'];

/** Thai letters and vowel/tone marks: what a place name is written in (not ฯ, ๆ or digits). */
const THAI_LETTER = /[\u0E01-\u0E2E\u0E30-\u0E3A\u0E40-\u0E45\u0E47-\u0E4E]/;
const THAI_RUN = /^[\u0E01-\u0E2E\u0E30-\u0E3A\u0E40-\u0E45\u0E47-\u0E4E]+/;

/**
 * Words that end a place name and begin the rest of the sentence ("…ชัยจุมพลได้วิเคราะห์", "…น้ำตกประจำปี",
 * "…ตำบลผ่านทางเว็บไซต์"): Thai writes no space there, and a dictionary splits place names into ordinary
 * words ("เมือง|ไผ่"), so the name is the words before the first of these. When the first word after a
 * prefix is one of them, the prefix is a type of organisation, not a name ("องค์การบริหารส่วนตำบลได้ลดขั้นตอน").
 */
const STOP_WORDS = new Set(
  (
    'ได้ ให้ กับ และ หรือ ที่ ซึ่ง โดย เพื่อ นั้น นี้ ประจำ ปี ปีงบประมาณ เรียบร้อย แล้ว ผ่าน ทาง จัด ตรวจ ดำเนิน ลด ' +
    'ใน ของ ต่อ จาก ด้วย เป็น ไม่ มี ว่า ทั้ง ตาม ทุก เกี่ยวกับ ร่วม เพิ่ม เผยแพร่ รายงาน แต่งตั้ง มอบหมาย ตั้ง เชื่อม ' +
    'เชื่อมโยง วิเคราะห์ ประกาศ สำรวจ ประชาสัมพันธ์ พัฒนา ปรับปรุง จะ ก็ ยัง อยู่ คือ แห่ง นำ ทำ สร้าง ส่ง แจ้ง รับ ' +
    'เปิด ใช้ กำหนด อำเภอ จังหวัด ตำบล กอง สำนัก งาน ฝ่าย ส่วน เว็บไซต์ ได้แก่ สังกัด เมื่อ ขอ ไป มา เข้า ออก ถึง ' +
    'จน แต่ หาก ถ้า ทราบ ประชุม อบรม ดูแล บริหาร ละ เอง ต้อง ควร อาจ สามารถ ทำการ พร้อม รวม จึง เช่น ทำให้ ภายใน ' +
    'ภาย ระดับ เขต พื้นที่ ข้อมูล คณะ เจ้าหน้าที่ พนักงาน บุคลากร ผู้ ประชาชน โครงการ กิจกรรม'
  ).split(' '),
);
const MAX_NAME_WORDS = 4;
const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

/**
 * PDF extraction writes ำ as nikhahit + sara aa (ํา), which looks the same and compares different; spaces
 * inside a name ("เทศบาลตำบล โพธิ์ทอง") are not part of it.
 */
function normaliseThai(text: string): string {
  return text.normalize('NFC').replace(/\u0E4D\u0E32/g, '\u0E33');
}
const compact = (text: string) => normaliseThai(text).replace(/\s+/g, '');

/** The place name a run of Thai letters begins with: its words up to the first stop word. */
function placeIn(run: string): string {
  const words: string[] = [];
  for (const { segment } of segmenter.segment(run)) {
    if (STOP_WORDS.has(segment) || words.length === MAX_NAME_WORDS) break;
    words.push(segment);
  }
  return words.join('');
}

/** "อ." and "จ." stand alone: not the end of "ผอ." or "ร.ต.อ.", not the start of "จ.ส.อ.". */
function standsAlone(text: string, at: number, written: string): boolean {
  const before = at > 0 ? text[at - 1]! : '';
  if (THAI_LETTER.test(before) || before === '.') return false;
  return !/^[\u0E01-\u0E2E]\./.test(text.slice(at + written.length));
}

interface OwnPlaces {
  type: OrganisationType | null;
  place: string | null;
  district: string;
  province: string;
}

function ownPlaces(organisation: ImportingOrganisation): OwnPlaces {
  const name = compact(organisation.name);
  const prefix = PREFIXES.find((p) => p.kind !== 'district' && p.kind !== 'province' && name.startsWith(p.written));
  const place = prefix ? name.slice(prefix.written.length) : '';
  return {
    type: prefix && place ? (prefix.kind as OrganisationType) : null,
    place: prefix && place ? place : null,
    district: compact(organisation.district).replace(/^(?:อำเภอ|อ\.)/, ''),
    province: compact(organisation.province).replace(/^(?:จังหวัด|จ\.)/, ''),
  };
}

/** Whether a type of organisation written without a name fits the importing one ("เทศบาล" fits any เทศบาล). */
function typeFits(written: OrganisationType, own: OrganisationType): boolean {
  if (written === 'pao') return true;
  if (written === 'municipality') return MUNICIPAL.includes(own);
  return written === own;
}

function organisationMentions(text: string, organisation: ImportingOrganisation): CarriedOverMention[] {
  const own = ownPlaces(organisation);
  const ownName = normaliseThai(organisation.name).trim();
  const t = normaliseThai(text);
  const found: CarriedOverMention[] = [];
  let at = 0;
  while (at < t.length) {
    const prefix = PREFIXES.find((p) => t.startsWith(p.written, at) && (p.written.length > 2 || standsAlone(t, at, p.written)));
    if (!prefix) {
      at++;
      continue;
    }
    let rest = at + prefix.written.length;
    // A space may follow an abbreviation ("อบต. เมืองไผ่"); after a word it ends the phrase ("…ตำบล กระดานสนทนา").
    if (prefix.written.endsWith('.') && t[rest] === ' ' && THAI_LETTER.test(t[rest + 1] ?? '')) rest++;
    const run = THAI_RUN.exec(t.slice(rest))?.[0] ?? '';
    const next = rest + run.length;
    const kind = prefix.kind;
    const mention = (name: string) => `${prefix.written}${name}`;
    if (kind === 'district' || kind === 'province' || kind === 'pao') {
      const ownPlace = kind === 'district' ? own.district : own.province;
      const place = placeIn(run);
      if (place && ownPlace && !run.startsWith(ownPlace) && !ownPlace.startsWith(place)) {
        const where = kind === 'district' ? `อำเภอ${own.district}` : `จังหวัด${own.province}`;
        found.push({ kind: kind === 'district' ? 'district' : 'province', text: mention(place), message: `กล่าวถึง ${mention(place)} แต่หน่วยงานนี้อยู่${where}` });
      }
    } else if (own.type && own.place) {
      const itsOwn = run.startsWith(own.place) && typeFits(kind, own.type);
      const place = itsOwn ? own.place : placeIn(run);
      if (!itsOwn && place) {
        found.push({ kind: 'organisation', text: mention(place), message: `กล่าวถึง ${mention(place)} ซึ่งไม่ใช่หน่วยงานนี้` });
      } else if (!place && !typeFits(kind, own.type)) {
        found.push({ kind: 'organisation_type', text: prefix.written, message: `กล่าวถึง ${prefix.written} แต่หน่วยงานนี้คือ${ownName}` });
      }
    }
    at = Math.max(next, at + prefix.written.length);
  }
  return found;
}

// ---------------------------------------------------------------- years

const MONTHS_FULL = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'];
const MONTHS_SHORT = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];
/** Full names, and abbreviations with a dot missing or a space after one ("ต.ค", "ตค.", "ต. ค."); longest first. */
const MONTH_FORMS = [
  ...MONTHS_FULL.map((name, month) => ({ source: name, month })),
  ...MONTHS_SHORT.map((short, month) => ({ source: short.replace(/\.$/, '').split('.').join('\\.?\\s?') + '\\.?', month })),
].sort((a, b) => b.source.length - a.source.length);
const monthOf = (written: string) => MONTH_FORMS.find((m) => new RegExp(`^(?:${m.source})$`).test(written))!.month;

const BE = String.raw`(?:พ\.?\s?ศ\.?\s*)?`;
const YEAR_DIGITS = String.raw`(\d{4}|\d{2})(?!\d)`;
/**
 * A year named as a fiscal or working year: "ปีงบประมาณ 2566", "ประจำปี พ.ศ. ๒๕๖๖", "ปีงบฯ 66", "ในปี 2567",
 * "ครอบคลุมปี พ.ศ.2567", with an optional second year of a range ("ปี พ.ศ. 2566 - 2570").
 */
const FISCAL_YEAR = new RegExp(String.raw`(?:ปีงบประมาณ|ปีงบฯ?|ปี)\s*${BE}${YEAR_DIGITS}(?:\s*(?:-|–|ถึง)\s*${BE}${YEAR_DIGITS})?`, 'dg');
/** A month with its year, and its day if written: "ต.ค. 66", "31 มีนาคม 2567", "๖ พ.ย. ๒๕๖๖". */
const DATE = new RegExp(String.raw`(?:(\d{1,2})\s*)?(${MONTH_FORMS.map((m) => m.source).join('|')})\s*${BE}${YEAR_DIGITS}`, 'dg');
/** What a number after a bare "ปี" counts when it is not a year: "1 ปี 6 เดือน" is a duration. */
const UNIT_AFTER = /^\s*(?:เดือน|วัน|ครั้ง|คน|ราย|ชั่วโมง|นาที|%|ร้อยละ|\.\d)/;

/** B.E. from what was written: two digits mean 25xx; a C.E. year is converted; null when it is no year. */
function yearOf(digits: string): number | null {
  const n = Number(digits);
  if (digits.length === 2) return 2500 + n;
  if (n >= 1900 && n < 2200) return toBuddhistYear(n);
  return n >= 2400 && n < 2800 ? n : null;
}

export interface YearMention {
  /** Where the year's digits are in the text, and how many. */
  index: number;
  length: number;
  year: number;
  /** The month, 0-based, when the year belongs to a date. */
  month: number | null;
  /** The words around it, as written ("ปีงบประมาณ พ.ศ. ๒๕๖๖", "ต.ค. 66"). */
  phrase: string;
  /** The index of the phrase: two years of one range share it. */
  phraseIndex: number;
}

/**
 * The years a text names as fiscal years or in dates, with where their digits are. A year written after
 * "พ.ศ." alone is left out: that is how laws and regulations are cited ("พ.ร.บ. การจัดซื้อจัดจ้างฯ พ.ศ. 2560",
 * "ระเบียบ … พ.ศ. ๒๕๖๑"), which no year makes old.
 */
export function yearMentions(text: string): YearMention[] {
  const t = arabicDigits(text);
  const mentions: YearMention[] = [];
  const taken: [number, number][] = [];
  for (const m of t.matchAll(DATE)) {
    const year = yearOf(m[3]!);
    // "ตค" inside a word is no month; a full name may follow a word ("เดือนตุลาคม").
    if (year === null || (!MONTHS_FULL.includes(m[2]!) && THAI_LETTER.test(t[m.indices![2]![0] - 1] ?? ''))) continue;
    mentions.push({ index: m.indices![3]![0], length: m[3]!.length, year, month: monthOf(m[2]!.replace(/\s+/g, '')), phrase: text.slice(m.index, m.index + m[0].length), phraseIndex: m.index });
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of t.matchAll(FISCAL_YEAR)) {
    if (taken.some(([from, to]) => m.index < to && from < m.index + m[0].length)) continue;
    // Digits run straight into a word are no year ("ปี 25บาท" is not how a year is written).
    const after = t.slice(m.index + m[0].length);
    if (THAI_LETTER.test(after[0] ?? '')) continue;
    const bare = m[0].startsWith('ปี') && !m[0].startsWith('ปีงบ') && !/พ\.?\s?ศ/.test(m[0]);
    if (bare && m[1]!.length === 2 && UNIT_AFTER.test(after)) continue;
    for (const group of [1, 2]) {
      const digits = m[group];
      const year = digits === undefined ? null : yearOf(digits);
      if (year === null) continue;
      mentions.push({ index: m.indices![group]![0], length: digits!.length, year, month: null, phrase: text.slice(m.index, m.index + m[0].length), phraseIndex: m.index });
    }
  }
  return mentions.sort((a, b) => a.index - b.index);
}

/**
 * Moves the years a text names as fiscal years or in dates by `years`, keeping their form and digits
 * ("ปีงบประมาณ ๒๕๖๖" → "ปีงบประมาณ ๒๕๖๘", "ต.ค. 66" → "ต.ค. 68"); laws' years stay as they are.
 */
export function moveYearsInText(text: string, years: number): string {
  if (years === 0) return text;
  let moved = text;
  for (const m of yearMentions(text).reverse()) {
    const digits = text.slice(m.index, m.index + m.length);
    const shifted = String(Number(arabicDigits(digits)) + years).slice(-digits.length);
    moved = moved.slice(0, m.index) + (/[๐-๙]/.test(digits) ? thaiDigits(shifted) : shifted) + moved.slice(m.index + m.length);
  }
  return moved;
}

/**
 * Whether a date's month belongs to the row's year: inside the fiscal year (October of the B.E. year before
 * its number to September), or in the two months after it, when the year's last reports are written
 * ("ข้อมูล ณ วันที่ 6 พฤศจิกายน 2566" for fiscal year 2566).
 */
function monthFits(year: number, month: number, fiscalYears: readonly number[]): boolean {
  const at = year * 12 + month;
  return fiscalYears.some((fy) => at >= (fy - 1) * 12 + 9 && at <= fy * 12 + 10);
}

function yearFindings(text: string, fiscalYear: number, alsoYears: readonly number[]): CarriedOverMention[] {
  const years = [fiscalYear, ...alsoYears];
  const found: CarriedOverMention[] = [];
  const phrases = new Map<number, YearMention[]>();
  for (const m of yearMentions(text)) phrases.set(m.phraseIndex, [...(phrases.get(m.phraseIndex) ?? []), m]);
  for (const group of phrases.values()) {
    const first = group[0]!;
    if (first.month !== null) {
      if (!monthFits(first.year, first.month, years)) {
        found.push({ kind: 'date', text: first.phrase, message: `กล่าวถึง ${first.phrase.trim()} ซึ่งอยู่นอกปีงบประมาณ ${fiscalYear}` });
      }
      continue;
    }
    // A range of years ("พ.ศ. 2566 - 2570") fits when it covers the row's year.
    const [low, high] = [Math.min(...group.map((g) => g.year)), Math.max(...group.map((g) => g.year))];
    const fits = group.length > 1 ? years.some((y) => y >= low && y <= high) : years.includes(first.year);
    if (!fits) found.push({ kind: 'fiscal_year', text: first.phrase, message: `กล่าวถึง ${first.phrase.trim()} ซึ่งไม่ใช่ปีงบประมาณ ${fiscalYear} ของแถวนี้` });
  }
  return found;
}

// ---------------------------------------------------------------- the check

/**
 * What in one cell looks carried over: other organisations, districts and provinces, and years outside the
 * row's fiscal year; each named once. An organisation whose record does not say what it is (a new one is
 * named by its code) is not compared by name, only by district and province when those are known.
 */
export function findCarriedOverText(text: string, context: CarriedOverContext): CarriedOverMention[] {
  if (!text.trim()) return [];
  const all = [...organisationMentions(text, context.organisation), ...yearFindings(text, context.fiscalYear, context.alsoYears ?? [])];
  const seen = new Set<string>();
  return all.filter((m) => !seen.has(m.message) && seen.add(m.message));
}

/** The warnings of one cell of an imported file, for the row and column a person sees. */
export function carriedOverWarnings(row: number, column: string, text: string, context: CarriedOverContext): ImportWarning[] {
  return findCarriedOverText(text, context).map((m) => ({ row, column, message: m.message }));
}
