import { deleteHolidayChange, holidayChangeOf, holidayChangesByOrganisation, holidayChangesFor, saveHolidayChange } from '../db/holiday-store.js';
import { workingCalendar, type DayKey, type WorkingCalendar } from '../domain/working-days.js';
import { holidayFiles, publicHolidays, type HolidayFile } from './public-holidays.js';

/**
 * The organisation's working calendar as it stands now: the shipped public holidays with the operators'
 * changes on top. Jobs load it when they run, so a day added by `holiday add` counts from the next tick.
 */
export async function loadWorkingCalendar(orgId: string): Promise<WorkingCalendar> {
  return workingCalendar(orgId, publicHolidays(), await holidayChangesFor(orgId));
}

/** The same for every organisation of a deployment at once: one read, for a tick that runs a job for all. */
export async function loadWorkingCalendars(): Promise<(orgId: string) => WorkingCalendar> {
  const changesOf = await holidayChangesByOrganisation();
  return (orgId) => workingCalendar(orgId, publicHolidays(), changesOf(orgId));
}

const shippedDay = (date: DayKey) => publicHolidays().find((h) => h.date === date) ?? null;

export type AddOutcome = 'added' | 'restored';

/**
 * Makes a day a day off, for every organisation (`orgId` null) or for one. A shipped holiday an operator
 * had cancelled is restored (its cancellation deleted) rather than added twice.
 */
export async function addDayOff(date: DayKey, name: string, orgId: string | null): Promise<AddOutcome> {
  const existing = await holidayChangeOf(date, orgId);
  if (existing && !existing.off) {
    await deleteHolidayChange(date, null);
    return 'restored';
  }
  await saveHolidayChange({ date, name, orgId, off: true });
  return 'added';
}

export type RemoveOutcome = 'removed' | 'cancelled' | 'national' | 'none';

/**
 * Undoes a day off: an added day is deleted; a shipped public holiday is cancelled for every organisation
 * (the cabinet moved it, say). A shipped holiday cannot be cancelled for one organisation only
 * (`national`): government offices all close on it.
 */
export async function removeDayOff(date: DayKey, orgId: string | null): Promise<RemoveOutcome> {
  const own = await holidayChangeOf(date, orgId);
  if (own?.off) {
    await deleteHolidayChange(date, orgId);
    return 'removed';
  }
  const shipped = shippedDay(date);
  if (!shipped || own) return 'none';
  if (orgId !== null) return 'national';
  await saveHolidayChange({ date, name: shipped.name, orgId: null, off: false });
  return 'cancelled';
}

export interface CalendarEntry {
  date: DayKey;
  name: string;
  /** calendar: shipped; all / organisation: added by an operator; cancelled: a shipped day an operator cancelled. */
  source: 'calendar' | 'all' | 'organisation' | 'cancelled';
  substitute: boolean;
}

/** Every day of a B.E. year that the organisation's calendar mentions, by date: what `holiday list` prints. */
export async function calendarOfYear(orgId: string, buddhistYear: number): Promise<{ file: HolidayFile | null; entries: CalendarEntry[] }> {
  const prefix = `${buddhistYear - 543}-`;
  const file = holidayFiles().find((f) => f.year === buddhistYear) ?? null;
  const entries = new Map<DayKey, CalendarEntry>();
  for (const d of file?.days ?? []) entries.set(d.date, { date: d.date, name: d.name, source: 'calendar', substitute: d.substitute ?? false });
  for (const c of await holidayChangesFor(orgId)) {
    if (!c.date.startsWith(prefix)) continue;
    const source = !c.off ? 'cancelled' : c.orgId === null ? 'all' : 'organisation';
    // The organisation's own day on a day added for everyone keeps the later layer, as the calendar does.
    entries.set(c.date, { date: c.date, name: c.name, source, substitute: entries.get(c.date)?.substitute ?? false });
  }
  return { file, entries: [...entries.values()].sort((a, b) => a.date.localeCompare(b.date)) };
}
