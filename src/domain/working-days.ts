import { TZDate } from '@date-fns/tz';
import { dayKey, isWeekday, startOfBangkokDay } from './calendar.js';
import { TIME_ZONE } from './time-zone.js';

/**
 * Working days in Bangkok (domain.md, "Working days and holidays"): Monday to Friday, except the public
 * holidays of government offices (the calendar shipped in `holidays/`, one file per B.E. year) and the days
 * an operator added or cancelled, for every organisation or for one.
 */

/** A calendar day in Bangkok, `2026-06-01`. */
export type DayKey = string;

export const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a real calendar day written `YYYY-MM-DD` (2026-02-30 is not). */
export function isDayKey(text: string): boolean {
  const m = DAY_KEY.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A public holiday of the shipped calendar. */
export interface PublicHoliday {
  date: DayKey;
  name: string;
  /** A วันหยุดชดเชย: the working day a holiday falling on a weekend moved to. */
  substitute?: boolean;
}

/**
 * An operator's change to the calendar: a day off added (`off`), or a shipped holiday cancelled (not `off`).
 * `orgId` null: for every organisation; otherwise that organisation's own day off (a local festival).
 */
export interface HolidayChange {
  date: DayKey;
  name: string;
  orgId: string | null;
  off: boolean;
}

export interface DayOff {
  date: DayKey;
  name: string;
  /** Where it comes from: the shipped calendar, an operator's day for everyone, or the organisation's own. */
  source: 'calendar' | 'all' | 'organisation';
}

/** One organisation's days off, by Bangkok day. */
export interface WorkingCalendar {
  dayOff(date: Date): DayOff | null;
}

/** Weekends only: what the bot knew before holidays, and what a test without holidays needs. */
export const WEEKENDS_ONLY: WorkingCalendar = { dayOff: () => null };

/**
 * The calendar of `orgId`: the shipped holidays, then the changes for every organisation, then the
 * organisation's own (a later layer wins for the same day). Another organisation's days are ignored.
 */
export function workingCalendar(orgId: string, shipped: readonly PublicHoliday[], changes: readonly HolidayChange[]): WorkingCalendar {
  const days = new Map<DayKey, DayOff | null>();
  for (const h of shipped) days.set(h.date, { date: h.date, name: h.name, source: 'calendar' });
  const layers = [changes.filter((c) => c.orgId === null), changes.filter((c) => c.orgId === orgId)];
  for (const layer of layers) {
    for (const c of layer) days.set(c.date, c.off ? { date: c.date, name: c.name, source: c.orgId === null ? 'all' : 'organisation' } : null);
  }
  return { dayOff: (date) => days.get(dayKey(date)) ?? null };
}

/** Monday to Friday and not a day off. */
export function isWorkingDay(calendar: WorkingCalendar, date: Date): boolean {
  return isWeekday(date) && calendar.dayOff(date) === null;
}

const bangkokNoon = (date: Date, plusDays: number) => {
  const d = new TZDate(date.getTime(), TIME_ZONE);
  return new Date(new TZDate(d.getFullYear(), d.getMonth(), d.getDate() + plusDays, 12, TIME_ZONE).getTime());
};

/** The first working day of the Bangkok month: the monthly summary's morning. */
export function isFirstWorkingDayOfMonth(calendar: WorkingCalendar, date: Date): boolean {
  if (!isWorkingDay(calendar, date)) return false;
  const dayOfMonth = new TZDate(date.getTime(), TIME_ZONE).getDate();
  for (let back = 1; back < dayOfMonth; back++) {
    if (isWorkingDay(calendar, bangkokNoon(date, -back))) return false;
  }
  return true;
}

/** The first working day of the Bangkok week (Monday, or the next working day when Monday is a day off). */
export function isFirstWorkingDayOfWeek(calendar: WorkingCalendar, date: Date): boolean {
  if (!isWorkingDay(calendar, date)) return false;
  const weekday = new TZDate(date.getTime(), TIME_ZONE).getDay(); // Monday 1 … Friday 5
  for (let back = 1; back < weekday; back++) {
    if (isWorkingDay(calendar, bangkokNoon(date, -back))) return false;
  }
  return true;
}

/** The start (Bangkok midnight) of the first working day after the day of `date`. */
export function nextWorkingDay(calendar: WorkingCalendar, date: Date): Date {
  // A year holds far fewer days off in a row than this; the bound only guards against a corrupt calendar.
  for (let ahead = 1; ahead <= 366; ahead++) {
    const day = bangkokNoon(date, ahead);
    if (isWorkingDay(calendar, day)) return startOfBangkokDay(day);
  }
  throw new Error('no working day within a year');
}

/** The Bangkok moment at noon of a day key, to ask the calendar about that day. */
export function dayOfKey(key: DayKey): Date {
  const m = DAY_KEY.exec(key);
  if (!m) throw new Error(`not a day: ${key}`);
  return new Date(new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12, TIME_ZONE).getTime());
}
