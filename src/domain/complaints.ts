import type { Attachment } from './attachments.js';
import { startOfBangkokDay } from './calendar.js';
import { isWorkingDay, nextWorkingDay, WEEKENDS_ONLY, type WorkingCalendar } from './working-days.js';
import { fiscalYearOf } from './fiscal-year.js';
import { arabicDigits } from './thai.js';

/**
 * The one table of complaint kinds and statuses (domain.md, "Complaints"), and the 15-day rule.
 * Two channels: general complaints, and corruption/misconduct by staff, which protects the reporter.
 */
export const COMPLAINT_KINDS = ['general', 'corruption'] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];

export const KIND_TH: Record<ComplaintKind, string> = {
  general: 'ร้องเรียน/ร้องทุกข์ทั่วไป',
  corruption: 'แจ้งเบาะแสการทุจริตและประพฤติมิชอบ',
};

/** The letter that starts a tracking number: G2569-0001, C2569-0001. */
export const KIND_LETTER: Record<ComplaintKind, string> = { general: 'G', corruption: 'C' };

/** Who handles each kind; nobody else sees the case. */
export const HANDLER_ROLE = { general: 'complaint_officer', corruption: 'integrity_officer' } as const;

export const COMPLAINT_STATUSES = ['received', 'in_progress', 'resolved', 'rejected', 'forwarded', 'withdrawn'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const COMPLAINT_STATUS_TH: Record<ComplaintStatus, string> = {
  received: 'รับเรื่องแล้ว',
  in_progress: 'อยู่ระหว่างดำเนินการ',
  resolved: 'ดำเนินการแล้วเสร็จ',
  rejected: 'ไม่รับพิจารณา',
  forwarded: 'ส่งต่อหน่วยงานอื่น',
  withdrawn: 'ผู้ร้องขอถอนเรื่อง',
};

export const CLOSED_STATUSES: readonly ComplaintStatus[] = ['resolved', 'rejected', 'forwarded', 'withdrawn'];
export const OPEN_STATUSES: readonly ComplaintStatus[] = COMPLAINT_STATUSES.filter((s) => !CLOSED_STATUSES.includes(s));
export const isClosed = (status: ComplaintStatus) => CLOSED_STATUSES.includes(status);

export function isComplaintStatus(value: unknown): value is ComplaintStatus {
  return typeof value === 'string' && (COMPLAINT_STATUSES as readonly string[]).includes(value);
}

export const ANSWER_WITHIN_DAYS = 15;
/** The handler is reminded this many days before the deadline's last day. */
export const REMIND_DAYS_BEFORE = 3;

/**
 * The reminder's horizon on a given moment: the cases whose last day is at most REMIND_DAYS_BEFORE days ahead
 * are due by the end of that day. Counted in Bangkok days, so a case filed on the 1st (last day the 16th) is
 * reminded on the 13th, whatever time of day the job runs.
 */
export function remindDueBy(now: Date): Date {
  return new Date(startOfBangkokDay(now).getTime() + (REMIND_DAYS_BEFORE + 1) * 86_400_000);
}

/**
 * The deadline: the end (Bangkok) of the 15th day after the day of submission, or of the next working day when
 * that day is a weekend or a day off in the organisation's calendar.
 */
export function dueAt(submittedAt: Date, calendar: WorkingCalendar = WEEKENDS_ONLY): Date {
  // Bangkok has no daylight saving, so its days are 24 hours long; date-fns' addDays would count them in
  // the machine's zone and move the deadline by an hour across that zone's clock change.
  const lastDay = new Date(startOfBangkokDay(submittedAt).getTime() + ANSWER_WITHIN_DAYS * 86_400_000);
  // As the Administrative Procedure Act counts a period: one ending on a day off ends on the next working day.
  const endsOn = isWorkingDay(calendar, lastDay) ? lastDay : nextWorkingDay(calendar, lastDay);
  return new Date(startOfBangkokDay(endsOn).getTime() + 86_400_000);
}

export function trackingNumber(kind: ComplaintKind, submittedAt: Date, seq: number): string {
  return `${KIND_LETTER[kind]}${fiscalYearOf(submittedAt)}-${String(seq).padStart(4, '0')}`;
}

/** Reads a tracking number as people type it ("g2569-7", "C 2569 0012", "G2570/0014"); null when it cannot be one. */
export function parseTrackingNumber(text: string): string | null {
  const m = arabicDigits(text).toUpperCase().replace(/\s+/g, '').match(/^([GC])-?(\d{4})[-/]?(\d{1,6})$/);
  return m ? `${m[1]}${m[2]}-${m[3]!.padStart(4, '0')}` : null;
}

// A number with its letter: "G2570-0014", "g 2570 - 1", "G2570/0014", "G25700007" (the year is always four digits).
const WITH_LETTER = /(?<![A-Za-z])([GCgc])\s*-?\s*(\d{4})\s*(?:[-/]\s*(\d{1,6})|(\d{1,6}))(?!\d)/g;
// Without it, only a Buddhist-era year, a dash or slash and the number as the receipt prints it ("2570-0012") are
// sure enough not to be a date ("2567/12") or a phone number.
const WITHOUT_LETTER = /(?<![\d/A-Za-z.-])(25\d{2})\s*[-/]\s*(\d{4,6})(?![\d/.-])/g;

/** A tracking number written anywhere in a text (`ติดตามG2570-0001`, `g 2570 - 1`, `G2570/0014`, Thai digits), normalised. */
export function trackingNumberIn(text: string): string | null {
  const m = WITH_LETTER.exec(arabicDigits(text));
  WITH_LETTER.lastIndex = 0;
  return m ? `${m[1]!.toUpperCase()}${m[2]}-${(m[3] ?? m[4])!.padStart(4, '0')}` : null;
}

/**
 * The tracking numbers the first number written in a text may be: itself when written with its letter,
 * both kinds' numbers when written without ("2570-0012" → G2570-0012, C2570-0012), for the caller to try
 * against the sender's own cases; [] when the text names none.
 */
export function trackingNumbersIn(text: string): string[] {
  const plain = arabicDigits(text);
  const found: Array<{ at: number; end: number; numbers: string[] }> = [];
  for (const m of plain.matchAll(WITH_LETTER)) found.push({ at: m.index, end: m.index + m[0].length, numbers: [`${m[1]!.toUpperCase()}${m[2]}-${(m[3] ?? m[4])!.padStart(4, '0')}`] });
  for (const m of plain.matchAll(WITHOUT_LETTER)) {
    // Part of a number already read with its letter, or a span of years ("2566-2570"), is not a number of its own.
    if (found.some((f) => m.index < f.end && m.index + m[0].length > f.at) || /^25\d{2}$/.test(m[2]!)) continue;
    const seq = m[2]!.padStart(4, '0');
    found.push({ at: m.index, end: m.index + m[0].length, numbers: [`${KIND_LETTER.general}${m[1]}-${seq}`, `${KIND_LETTER.corruption}${m[1]}-${seq}`] });
  }
  return found.sort((a, b) => a.at - b.at)[0]?.numbers ?? [];
}

/**
 * A phone number as a LINE tap-to-call address: its digits only (a leading + kept), whatever dashes, spaces
 * or Thai digits it was typed with; null when it holds too few digits to dial.
 */
export function telUri(phone: string | null): string | null {
  if (!phone) return null;
  const digits = arabicDigits(phone).replace(/\D/g, '');
  if (digits.length < 9 || digits.length > 15) return null;
  return `tel:${phone.trim().startsWith('+') ? '+' : ''}${digits}`;
}

/**
 * Closure (issue "Citizens get closure"). A citizen who says "not fixed" within this many days of the
 * resolution reopens the case with a new 15-day clock, at most MAX_REOPENS times; after that the case goes
 * to an executive instead.
 */
export const REOPEN_WITHIN_DAYS = 15;
export const MAX_REOPENS = 2;

/** The citizen's word on a resolved case: stars 1–5, an optional comment, and whether it is really fixed. */
export interface Feedback {
  stars: number;
  comment: string | null;
  fixed: boolean;
  at: Date;
}

/** Where a case was sent when it is not this organisation's to handle; the citizen sees both. */
export interface Forwarding {
  agency: string;
  note: string;
}

/** At most this many complaints from one person an hour: enough for anyone, too few to flood the handlers. */
export const MAX_COMPLAINTS_PER_HOUR = 5;

export interface ComplaintCounts {
  total: number;
  /** Closed by the organisation: resolved, rejected or forwarded. */
  completed: number;
  inProgress: number;
  /** Closed by the complainant, neither completed nor in progress: total = completed + inProgress + withdrawn. */
  withdrawn: number;
}

/** OIT O24: total received, completed, in progress, withdrawn. */
export function countComplaints(statuses: ComplaintStatus[]): ComplaintCounts {
  const withdrawn = statuses.filter((s) => s === 'withdrawn').length;
  const closed = statuses.filter(isClosed).length;
  return { total: statuses.length, completed: closed - withdrawn, inProgress: statuses.length - closed, withdrawn };
}

/** Where something happened: a LINE location, or a place typed in words (no coordinates). */
export interface Place {
  title: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
}

/**
 * A citizen's complaint or corruption report. The reporter is known only by `reporterKey` (a keyed hash,
 * to find "my cases") and `reporterSealed` (their LINE id encrypted, to push updates).
 */
export interface Complaint {
  id: string;
  orgId: string;
  trackingNo: string;
  kind: ComplaintKind;
  fiscalYear: number;
  status: ComplaintStatus;
  description: string;
  accused: string | null;
  happenedWhen: string | null;
  location: Place | null;
  attachments: Attachment[];
  contactName: string | null;
  contactPhone: string | null;
  notify: boolean;
  reporterKey: string;
  reporterSealed: string;
  submittedAt: Date;
  dueAt: Date;
  handlerUserId: string | null;
  handlerName: string | null;
  closedAt: Date | null;
  explanationRequired: boolean;
  explainedAt: Date | null;
  /** One of the organisation's complaint categories (ถนน, ไฟฟ้า, …), set by a handler. */
  category: string | null;
  /** Photos of the fixed problem, shown to the citizen. */
  afterPhotos: Attachment[];
  /** The latest feedback; earlier ones stay in the timeline. */
  feedback: Feedback | null;
  reopenCount: number;
  reopenedAt: Date | null;
  forwardedTo: Forwarding | null;
}

/** What the complainant gives; the rest of a complaint is set when it is filed. */
export type NewComplaint = Pick<Complaint, 'kind' | 'description' | 'accused' | 'happenedWhen' | 'location' | 'attachments' | 'contactName' | 'contactPhone' | 'notify'>;

export const TIMELINE_TYPES = [
  'submitted',
  'taken',
  'status',
  'note',
  'explanation',
  'reminder',
  'escalation',
  'feedback',
  'reopened',
  'withdrawn',
  'forwarded',
  'after_photo',
  'category',
  'added_info',
] as const;
export type TimelineType = (typeof TIMELINE_TYPES)[number];

/** One entry of a case's append-only timeline; `public` entries are what the complainant sees. */
export interface TimelineEntry {
  at: Date;
  type: TimelineType;
  status: ComplaintStatus | null;
  text: string | null;
  public: boolean;
}

export interface ComplaintStats {
  fiscalYear: number;
  all: ComplaintCounts;
  byKind: Record<ComplaintKind, ComplaintCounts>;
  overdue: number;
  /** Open cases past their deadline, per kind: an audience that may not count corruption reports reads general ones. */
  overdueByKind: Record<ComplaintKind, number>;
}
