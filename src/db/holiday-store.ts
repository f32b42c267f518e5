import type { HolidayChange } from '../domain/working-days.js';
import { HolidayChangeModel } from './models/holiday-change.js';

/** Operators' changes to the working calendar, for every organisation (`orgId` null) or for one. */

const ALL = '*';
const scopeOf = (orgId: string | null) => orgId ?? ALL;
const changeOf = (doc: { scope: string; date: string; name: string; off: boolean }): HolidayChange => ({
  date: doc.date,
  name: doc.name,
  orgId: doc.scope === ALL ? null : doc.scope,
  off: doc.off,
});

/** The changes that apply to an organisation: those for every organisation and its own. */
export async function holidayChangesFor(orgId: string): Promise<HolidayChange[]> {
  const [all, own] = await Promise.all([
    HolidayChangeModel.find({ scope: ALL }).sort({ date: 1 }).lean(),
    HolidayChangeModel.find({ scope: orgId }).sort({ date: 1 }).lean(),
  ]);
  return [...all, ...own].map(changeOf);
}

/** Every organisation's changes in one read (the collection holds a few days a year), asked for by organisation. */
export async function holidayChangesByOrganisation(): Promise<(orgId: string) => HolidayChange[]> {
  const docs = await HolidayChangeModel.find({}).sort({ date: 1 }).lean();
  const all = docs.filter((d) => d.scope === ALL).map(changeOf);
  return (orgId) => [...all, ...docs.filter((d) => d.scope === orgId).map(changeOf)];
}

/** Records a change; a second one for the same day and scope replaces the first (safe to repeat). */
export async function saveHolidayChange(change: HolidayChange, now = new Date()): Promise<void> {
  const scope = scopeOf(change.orgId);
  await HolidayChangeModel.updateOne(
    { _id: `${scope}:${change.date}` },
    { $set: { scope, date: change.date, name: change.name, off: change.off, changedAt: now } },
    { upsert: true },
  );
}

/** Deletes the change of that day and scope; false when there was none. */
export async function deleteHolidayChange(date: string, orgId: string | null): Promise<boolean> {
  const result = await HolidayChangeModel.deleteOne({ _id: `${scopeOf(orgId)}:${date}` });
  return result.deletedCount > 0;
}

/** The change recorded for that day and scope, if any. */
export async function holidayChangeOf(date: string, orgId: string | null): Promise<HolidayChange | null> {
  const doc = await HolidayChangeModel.findById(`${scopeOf(orgId)}:${date}`).lean();
  return doc ? changeOf(doc) : null;
}
