import { addDays } from 'date-fns';
import { caseAllows, type CaseFacts } from './complaint-states.js';
import { MAX_REOPENS, REOPEN_WITHIN_DAYS, type Complaint } from './complaints.js';

/**
 * How a case ends for the citizen (issue "Citizens get closure"): their rating of a resolved case, a
 * reopening when it is not really fixed, withdrawal, forwarding to another agency, and what handlers add
 * on the way (after-fix photos, a category). Pure rules; the stores and the chat carry them out.
 */

/** The categories a general complaint may be filed under when `COMPLAINT_CATEGORIES` is not set. */
export const DEFAULT_COMPLAINT_CATEGORIES = ['ถนน', 'ไฟฟ้า', 'น้ำประปา', 'ขยะ', 'ท่อระบายน้ำ', 'สัตว์', 'เสียงรบกวน', 'อื่น ๆ'] as const;

/** A category is a quick-reply button: LINE allows 20 characters a label and 13 buttons, one kept for "ยกเลิก". */
export const MAX_CATEGORY_LENGTH = 20;
export const MAX_CATEGORIES = 12;

/** Reads `ถนน,ไฟฟ้า, น้ำประปา`; null when a name is empty, too long, repeated, or there are too many. */
export function parseCategories(text: string): string[] | null {
  const names = text.split(',').map((n) => n.trim());
  if (names.length === 0 || names.length > MAX_CATEGORIES) return null;
  if (names.some((n) => n === '' || [...n].length > MAX_CATEGORY_LENGTH)) return null;
  return new Set(names).size === names.length ? names : null;
}

export const STAR_LABELS_TH: Record<number, string> = { 5: 'ดีมาก', 4: 'ดี', 3: 'พอใช้', 2: 'ควรปรับปรุง', 1: 'ไม่พอใจ' };

export function isStars(value: unknown): value is 1 | 2 | 3 | 4 | 5 {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

/** "★★★★☆" for four stars: what the citizen and the handlers read. */
export const starsText = (stars: number) => '★'.repeat(stars) + '☆'.repeat(5 - stars);

/**
 * Corruption reports are never rated: see docs/domain.md, "Closure". The outcome of an investigation is
 * not something a reporter can see fixed, and a reporter who rates, or reopens, a case marks themselves
 * out to the few officers who know the case by the timing and words of that rating.
 */
export const isRatable = (c: Pick<Complaint, 'kind'>) => c.kind === 'general';

/** The resolution round a rating belongs to: every reopening starts a new one, rated once. */
export const roundOf = (c: Pick<Complaint, 'reopenCount'>) => c.reopenCount;

/** Whether the citizen may rate the case now: resolved, a general complaint, and not yet rated since it was resolved. */
export const mayRate = (c: CaseFacts) => caseAllows('rate', c);

/** What a "not fixed" answer does, decided from the round it answers and when the case was resolved. */
export type NotFixedOutcome = 'reopen' | 'escalate' | 'too_late';

export function notFixedOutcome(round: number, resolvedAt: Date, answeredAt: Date): NotFixedOutcome {
  if (answeredAt > addDays(resolvedAt, REOPEN_WITHIN_DAYS)) return 'too_late';
  return round < MAX_REOPENS ? 'reopen' : 'escalate';
}

/** What the case cards offer; the rules are the moves' table (complaint-states.ts). */
export const mayWithdraw = (c: CaseFacts) => caseAllows('withdraw', c);
export const mayAddInformation = (c: CaseFacts) => caseAllows('add_information', c);
/** Forwarding is offered on an open case; an explanation owed is asked for when the handler taps it. */
export const mayForward = (c: CaseFacts) => caseAllows('forward', { ...c, explanationRequired: false });
export const mayAddAfterPhotos = (c: CaseFacts) => caseAllows('add_after_photos', c);

/** At most this many after-fix photos a message from the handler (one push carries five messages, one is text). */
export const MAX_AFTER_PHOTOS = 4;

/**
 * The keys of the 15-day job's once-per-case steps, per clock: a reopened case runs on a new 15-day clock,
 * whose reminder and escalation are new steps. The first clock keeps the keys it always had.
 */
export const clockSuffix = (c: Pick<Complaint, 'reopenCount'>) => (c.reopenCount > 0 ? `:r${c.reopenCount}` : '');
