import { TZDate } from '@date-fns/tz';
import type { Attachment } from './attachments.js';
import { startOfBangkokDay } from './calendar.js';
import { isAssignedTo } from './measures.js';
import { toGregorianYear } from './thai.js';
import { isFirstWorkingDayOfWeek, WEEKENDS_ONLY, type WorkingCalendar } from './working-days.js';
import { TIME_ZONE } from './time-zone.js';

/**
 * The ITA assessment's indicators and the OIT (open data) items, as the organisation answers them in ITAS
 * (domain.md, "The ITA indicators and OIT"). IIT 1–5 and EIT 6–8 are surveys; OIT 9 and 10 are the items
 * O1…On that the organisation answers itself with มี/ไม่มี, the web address and an explanation.
 */
export const ITA_INDICATOR_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
export type ItaIndicatorNumber = (typeof ITA_INDICATOR_NUMBERS)[number];

export const ITA_INDICATOR_TH: Record<ItaIndicatorNumber, string> = {
  1: 'การปฏิบัติหน้าที่',
  2: 'การใช้งบประมาณ',
  3: 'การใช้อำนาจ',
  4: 'การใช้ทรัพย์สินของราชการ',
  5: 'การแก้ไขปัญหาการทุจริต',
  6: 'คุณภาพการดำเนินงาน',
  7: 'ประสิทธิภาพการสื่อสาร',
  8: 'การปรับปรุงระบบการทำงาน',
  9: 'การเปิดเผยข้อมูล',
  10: 'การป้องกันการทุจริต',
};

/** Which of the three instruments measures an indicator. */
export function instrumentOf(n: ItaIndicatorNumber): 'IIT' | 'EIT' | 'OIT' {
  return n <= 5 ? 'IIT' : n <= 8 ? 'EIT' : 'OIT';
}

export const OIT_INDICATORS = [9, 10] as const;
export type OitIndicator = (typeof OIT_INDICATORS)[number];

export function isItaIndicatorNumber(n: unknown): n is ItaIndicatorNumber {
  return typeof n === 'number' && (ITA_INDICATOR_NUMBERS as readonly number[]).includes(n);
}

/** What the owner says about one OIT item, as ITAS asks for it: มี/ไม่มี, where, and an explanation. */
export interface NewOitAnswer {
  available: boolean;
  url: string | null;
  explanation: string | null;
  attachments: Attachment[];
}

/** The answer as kept, with who gave it and when. */
export interface OitAnswer extends NewOitAnswer {
  /** Identifies this answer: a review signs off one version, so a changed answer needs a new sign-off. */
  version: string;
  answeredBy: string;
  answeredByName: string;
  answeredAt: Date;
}

export interface OitReview {
  /** The answer version the reviewer looked at. */
  version: string;
  decision: 'approved' | 'returned';
  note: string | null;
  reviewedBy: string;
  reviewerName: string;
  reviewedAt: Date;
}

export interface UrlCheck {
  checkedAt: Date;
  url: string;
  ok: boolean;
  /** HTTP status, or null when no answer came. */
  httpStatus: number | null;
  problem: UrlProblem | null;
}

export const URL_PROBLEMS = ['http_error', 'empty', 'timeout', 'unreachable'] as const;
export type UrlProblem = (typeof URL_PROBLEMS)[number];

export const URL_PROBLEM_TH: Record<UrlProblem, string> = {
  http_error: 'เปิดไม่ได้ (เว็บไซต์ตอบว่าไม่พบหน้า หรือมีข้อผิดพลาด)',
  empty: 'เปิดได้แต่เป็นหน้าว่าง ไม่มีข้อมูล',
  timeout: 'เว็บไซต์ไม่ตอบสนองภายในเวลาที่กำหนด',
  unreachable: 'เชื่อมต่อเว็บไซต์ไม่ได้',
};

export interface OitItem {
  id: string;
  fiscalYear: number;
  code: string;
  /** 1 for O1: the order of the ITAS form. */
  number: number;
  title: string;
  /** What the item must show (องค์ประกอบด้านข้อมูล), as the year's form words it. */
  description: string;
  indicator: OitIndicator;
  responsibleUnits: string[];
  /** Positions (งาน/ตำแหน่ง) that answer for it besides, or instead of, the units. */
  assignees: string[];
  /**
   * The plan's improvement guideline for this item (seed 000's แนวทาง), and the period the plan gives it,
   * when the plan names the item: the plan import writes them here, not onto a plan item of its own.
   */
  guideline: string | null;
  guidelinePeriod: string | null;
  answer: OitAnswer | null;
  review: OitReview | null;
  urlCheck: UrlCheck | null;
  /** When the published address was first found broken in the current breakage; null while it works. */
  brokenSince: Date | null;
}

/** An item as it goes into the organisation's list, before anyone answers it. */
export type PlannedOitItem = Pick<OitItem, 'fiscalYear' | 'code' | 'number' | 'title' | 'description' | 'indicator' | 'responsibleUnits' | 'assignees'>;

export type OitState = 'unanswered' | 'waiting' | 'returned' | 'approved';

export const OIT_STATE_TH: Record<OitState, string> = {
  unanswered: 'ยังไม่ได้ตอบ',
  waiting: 'รอตรวจสอบ',
  returned: 'ส่งกลับให้แก้ไข',
  approved: 'ตรวจสอบแล้ว',
};

export const OIT_STATE_COLOUR: Record<OitState, string> = {
  unanswered: '#8C8C8C',
  waiting: '#E0A800',
  returned: '#D93025',
  approved: '#1E9E4A',
};

/**
 * The indicator an item belongs to when only its code is known (a plan names an item the year's list does not
 * have yet): items up to O25 disclose information (9), the later ones prevent corruption (10), as the sample
 * list (examples/oit-2567.csv) numbers them. A later OIT import sets the year's own indicator by code.
 */
export const FIRST_INDICATOR_10_ITEM = 26;
export const oitIndicatorOfNumber = (n: number): OitIndicator => (n >= FIRST_INDICATOR_10_ITEM ? 10 : 9);

/**
 * The status seed 002's table ticks for an item the plan has a guideline for: its answer, as signed off. An
 * approved มี is done; any other answer is work under way; no answer, nothing done yet.
 */
export function oitItemStatus(item: Pick<OitItem, 'answer' | 'review'>): 'completed' | 'in_progress' | 'not_started' {
  if (!item.answer) return 'not_started';
  return oitState(item) === 'approved' && item.answer.available ? 'completed' : 'in_progress';
}

/** A review counts only for the answer it looked at, so changing the answer clears the sign-off by itself. */
export function oitState(item: Pick<OitItem, 'answer' | 'review'>): OitState {
  if (!item.answer) return 'unanswered';
  if (!item.review || item.review.version !== item.answer.version) return 'waiting';
  return item.review.decision === 'approved' ? 'approved' : 'returned';
}

/** Whether an owner still has something to do: nothing answered yet, or sent back. */
export const needsOwner = (item: Pick<OitItem, 'answer' | 'review'>) => ['unanswered', 'returned'].includes(oitState(item));

/** "O1", "o 1", "01", "๐๑" all name item O1; null when the text is no item code. */
export function parseOitCode(text: string): { code: string; number: number } | null {
  const m = text
    .replace(/[๐-๙]/g, (d) => String('๐๑๒๓๔๕๖๗๘๙'.indexOf(d)))
    .trim()
    .match(/^[oO0]?\s*(\d{1,3})$/);
  if (!m) return null;
  const number = Number(m[1]);
  return number >= 1 ? { code: `O${number}`, number } : null;
}

/** The officers who answer for an item: those of its units (or all units) and those holding its positions. */
export function ownsOitItem(item: Pick<OitItem, 'responsibleUnits' | 'assignees'>, officer: { unit: string | null; position: string | null }): boolean {
  return isAssignedTo(item, officer);
}

/** Two answers say the same thing: a sign-off on one stands for the other. */
export function sameAnswer(a: NewOitAnswer, b: OitAnswer | null): boolean {
  if (!b) return false;
  const files = (x: { attachments: Attachment[] }) => x.attachments.map((f) => f.lineMessageId).join(',');
  return a.available === b.available && a.url === b.url && (a.explanation ?? null) === (b.explanation ?? null) && files(a) === files(b);
}

/** The published address as typed, if it is one: http(s) only, without spaces, at most 1,000 characters. */
export function parsePublicUrl(text: string): string | null {
  const t = text.trim();
  const withScheme = /^https?:\/\//i.test(t) ? t : /^www\./i.test(t) ? `https://${t}` : t;
  if (withScheme.length > 1_000 || /\s/.test(withScheme)) return null;
  try {
    const u = new URL(withScheme);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    if (!u.hostname.includes('.') && u.hostname !== 'localhost' && !/^\d+\.\d+\.\d+\.\d+$/.test(u.hostname)) return null;
    return u.toString();
  } catch {
    return null;
  }
}

/**
 * The ITAS window of a fiscal year: the OIT form is filled between 1 January and 30 April of the calendar
 * year in which the fiscal year ends (seed 001: FY 2568 → 1 ม.ค. – 30 เม.ย. 2568). `end` is exclusive.
 */
export function itasWindow(fiscalYear: number): { start: Date; end: Date } {
  const year = toGregorianYear(fiscalYear);
  return {
    start: new Date(new TZDate(year, 0, 1, TIME_ZONE).getTime()),
    end: new Date(new TZDate(year, 4, 1, TIME_ZONE).getTime()),
  };
}

export function inItasWindow(date: Date, fiscalYear: number): boolean {
  const { start, end } = itasWindow(fiscalYear);
  return date >= start && date < end;
}

/** Whole Bangkok days from `date` to 30 April (0 on that day). */
export function daysBeforeItasCloses(date: Date, fiscalYear: number): number {
  const lastDay = startOfBangkokDay(new Date(itasWindow(fiscalYear).end.getTime() - 1));
  return Math.round((lastDay.getTime() - startOfBangkokDay(date).getTime()) / 86_400_000);
}

/** How near a countdown reminder makes the weekly one needless: the owner would read the same list again. */
const WEEKLY_GIVES_WAY_DAYS = 3;

/**
 * The OIT reminder runs weekly on the first working day of the week (Monday, or the next working day when
 * Monday is a holiday) in the window, and on the configured days before it closes; a weekly one within
 * three days of such a countdown day is left out, as the countdown says the same.
 */
export function isOitReminderDay(date: Date, fiscalYear: number, daysBefore: readonly number[], calendar: WorkingCalendar = WEEKENDS_ONLY): boolean {
  if (!inItasWindow(date, fiscalYear)) return false;
  const left = daysBeforeItasCloses(date, fiscalYear);
  if (daysBefore.includes(left)) return true;
  return isFirstWorkingDayOfWeek(calendar, date) && !daysBefore.some((d) => Math.abs(d - left) <= WEEKLY_GIVES_WAY_DAYS);
}

/**
 * What a fetched page says about the published address: an error status, or a page without content (an
 * HTML page with no visible text, or any other file of 0 bytes), is broken.
 */
export function judgePage(httpStatus: number, contentType: string | null, body: string): { ok: boolean; problem: UrlProblem | null } {
  if (httpStatus >= 400) return { ok: false, problem: 'http_error' };
  const html = !contentType || /html|xml|text\/plain/i.test(contentType);
  const visible = html
    ? body
        .replace(/<(script|style|noscript|template)[\s\S]*?<\/\1\s*>/gi, '')
        .replace(/<!--[\s\S]*?-->/g, '')
        .replace(/<[^>]*>/g, '')
        .replace(/&nbsp;|&#160;|\s/g, '')
    : body;
  return visible.length === 0 ? { ok: false, problem: 'empty' } : { ok: true, problem: null };
}

/**
 * A sub-indicator of the OIT form, the heading the items are grouped under in ITAS and seed 003
 * ("๙.๑ ข้อมูลพื้นฐาน"): the items O`first`…O`last`.
 */
export interface OitGroup {
  indicator: OitIndicator;
  /** "9.1" */
  code: string;
  name: string;
  first: number;
  last: number;
}

/**
 * The OIT forms whose grouping is known. The form changes from year to year, so the groups belong to a
 * form, not to an item number: seed 003 is the 43-item form (FY 2565), seed 000 and `examples/oit-2567.csv`
 * the 35-item form (FY 2567 on), whose indicator 10 starts at O26.
 */
const OIT_FORMS: readonly OitGroup[][] = [
  [
    { indicator: 9, code: '9.1', name: 'ข้อมูลพื้นฐาน', first: 1, last: 10 },
    { indicator: 9, code: '9.2', name: 'การบริหารงาน', first: 11, last: 17 },
    { indicator: 9, code: '9.3', name: 'การบริหารเงินงบประมาณ', first: 18, last: 24 },
    { indicator: 9, code: '9.4', name: 'การบริหารและพัฒนาทรัพยากรบุคคล', first: 25, last: 28 },
    { indicator: 9, code: '9.5', name: 'การส่งเสริมความโปร่งใส', first: 29, last: 33 },
    { indicator: 10, code: '10.1', name: 'การดำเนินการเพื่อป้องกันการทุจริต', first: 34, last: 41 },
    { indicator: 10, code: '10.2', name: 'มาตรการภายในเพื่อป้องกันการทุจริต', first: 42, last: 43 },
  ],
  [
    { indicator: 9, code: '9.1', name: 'ข้อมูลพื้นฐาน', first: 1, last: 6 },
    { indicator: 9, code: '9.2', name: 'การบริหารงาน', first: 7, last: 13 },
    { indicator: 9, code: '9.3', name: 'การจัดซื้อจัดจ้างหรือการจัดหาพัสดุ', first: 14, last: 17 },
    { indicator: 9, code: '9.4', name: 'การบริหารและพัฒนาทรัพยากรบุคคล', first: 18, last: 19 },
    { indicator: 9, code: '9.5', name: 'การส่งเสริมความโปร่งใส', first: 20, last: 25 },
    { indicator: 10, code: '10.1', name: 'การดำเนินการเพื่อป้องกันการทุจริต', first: 26, last: 33 },
    { indicator: 10, code: '10.2', name: 'มาตรการภายในเพื่อป้องกันการทุจริต', first: 34, last: 35 },
  ],
];

/**
 * The groups of a year's list: those of the known form it matches (same last item, every item under the
 * indicator the form puts it), or null for a form not known here, whose items are then grouped by
 * indicator only rather than under headings that may be wrong.
 */
export function oitGroupsOf(items: readonly Pick<OitItem, 'number' | 'indicator'>[]): readonly OitGroup[] | null {
  if (items.length === 0) return null;
  const last = Math.max(...items.map((i) => i.number));
  return (
    OIT_FORMS.find(
      (groups) => groups[groups.length - 1]!.last === last && items.every((i) => groups.some((g) => g.indicator === i.indicator && i.number >= g.first && i.number <= g.last)),
    ) ?? null
  );
}

/** The items of a list under their indicator and, where the form is known, their sub-indicator, in form order. */
export function groupOitItems<T extends Pick<OitItem, 'number' | 'indicator'>>(
  items: readonly T[],
): { indicator: OitIndicator; groups: { group: OitGroup | null; items: T[] }[] }[] {
  const sorted = [...items].sort((a, b) => a.number - b.number);
  const groups = oitGroupsOf(sorted);
  return OIT_INDICATORS.map((indicator) => {
    const mine = sorted.filter((i) => i.indicator === indicator);
    return {
      indicator,
      groups: groups
        ? groups.filter((g) => g.indicator === indicator).map((g) => ({ group: g, items: mine.filter((i) => i.number >= g.first && i.number <= g.last) }))
        : [{ group: null, items: mine }],
    };
  })
    .map((x) => ({ ...x, groups: x.groups.filter((g) => g.items.length > 0) }))
    .filter((x) => x.groups.length > 0);
}

/** Seed 003's words for what a check of the website found. */
export const OIT_FOUND_COMPLETE = 'มีข้อมูลครบถ้วน';
export const OIT_NOT_FOUND = 'ไม่พบข้อมูล';
export const OIT_INCOMPLETE = 'ข้อมูลยังไม่ครบถ้วน';
export const OIT_UNUSABLE = 'ไม่สามารถเข้าใช้งานได้';

/**
 * The result of the check in seed 003's words: a passed มี answer is "มีข้อมูลครบถ้วน", a passed ไม่มี
 * "ไม่พบข้อมูล", a returned one what the reviewer found (else "ข้อมูลยังไม่ครบถ้วน"), and a published address
 * the daily check found broken "ไม่สามารถเข้าใช้งานได้" whatever the review said, since ITAS's assessor will
 * find it so too. Items not yet answered or reviewed say which.
 */
export function oitCheckResult(item: Pick<OitItem, 'answer' | 'review' | 'urlCheck'>): string {
  const a = item.answer;
  const state = oitState(item);
  const check = a?.available && a.url && item.urlCheck?.url === a.url ? item.urlCheck : null;
  if (check && !check.ok) return `${OIT_UNUSABLE} (${URL_PROBLEM_TH[check.problem ?? 'unreachable']})`;
  if (state === 'approved') return a!.available ? OIT_FOUND_COMPLETE : OIT_NOT_FOUND;
  if (state === 'returned') return item.review!.note?.trim() || OIT_INCOMPLETE;
  return OIT_STATE_TH[state];
}
