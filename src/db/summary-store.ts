import { insertIgnoringDuplicates, writeAll } from './bulk-write.js';
import { STATUSES, type Status } from '../domain/statuses.js';
import { summarise, type Summary, type SummaryMeasure, type SummaryReport, type Tally, type Threshold } from '../domain/summary.js';
import { subMonths } from 'date-fns';
import { toMeasureFacts } from './measure-store.js';
import { MeasureModel } from './models/measure.js';
import { OrganisationModel } from './models/organisation.js';
import { snapshotId, SummarySnapshotModel } from './models/summary-snapshot.js';
import { monthKey } from '../domain/calendar.js';
import { ProgressReportModel } from './models/progress-report.js';
import { activeFiscalYear } from './organisation-store.js';
import { FAMILIES } from '../domain/measures.js';

/** The order of the official tables, as `loadSummaryMeasures` sorts in the database. */
function inTableOrder(a: { number: number | null; facts: SummaryMeasure }, b: { number: number | null; facts: SummaryMeasure }): number {
  const [x, y] = [a.facts, b.facts];
  return x.family.localeCompare(y.family) || (a.number ?? -Infinity) - (b.number ?? -Infinity) || (x.code < y.code ? -1 : x.code > y.code ? 1 : 0);
}

/** Measures of a fiscal year in the shape the pure summary reads, in the order of the official tables. */
export async function loadSummaryMeasures(orgId: string, fiscalYear: number): Promise<SummaryMeasure[]> {
  const docs = await MeasureModel.find({ orgId, fiscalYear }).sort({ family: 1, number: 1, code: 1 }).lean();
  return docs.map(toMeasureFacts);
}

/** Plain queries and arithmetic in TypeScript: the portable way to summarise on MongoDB and FerretDB alike. */
export async function loadSummary(orgId: string, now: Date, thresholds: Threshold[], activeYear?: number): Promise<Summary> {
  const fiscalYear = activeYear ?? (await activeFiscalYear(orgId));
  const measures = await loadSummaryMeasures(orgId, fiscalYear);
  const snapshot = await SummarySnapshotModel.findById(snapshotId(orgId, monthKey(subMonths(now, 1)))).lean();
  if (snapshot) return summarise(fiscalYear, measures, [], now, thresholds, { asOf: snapshot.asOf, overall: snapshot.overall as Tally });
  const reports = await ProgressReportModel.find({ orgId, fiscalYear }).select('measureId reportedAt status disbursed').lean();
  const shaped: SummaryReport[] = reports.map((r) => ({ measureId: String(r.measureId), reportedAt: r.reportedAt, status: r.status as Status, disbursed: r.disbursed ?? null }));
  return summarise(fiscalYear, measures, shaped, now, thresholds);
}

/**
 * The summary of every organisation at once, for hosting many: one pass over the measures of the active
 * fiscal years and, only in the first month, one over the reports. The pass is split by fiscal year, family
 * and status, equalities the database filters by index, and the parts are read side by side: on FerretDB the
 * time goes into decoding each document in Go, which then uses every core. The trend comes from last month's
 * recorded figures; only when some organisation has none are the reports read, keeping each measure's
 * newest one as of a month earlier. The current state is on the measures.
 */
export async function loadAllSummaries(now: Date, thresholds: Threshold[] | ((orgId: string) => Threshold[])): Promise<Map<string, Summary>> {
  const thresholdsOf = typeof thresholds === 'function' ? thresholds : () => thresholds;
  const fiscalYears = new Map((await OrganisationModel.find().select('_id fiscalYear').lean()).map((o) => [o._id, o.fiscalYear]));
  const measures = await loadCurrentMeasures(fiscalYears);
  const monthAgo = subMonths(now, 1);
  const lastMonth = monthKey(monthAgo);
  const previous = new Map<string, Summary['previous']>();
  for await (const s of SummarySnapshotModel.find({ month: lastMonth }).lean().cursor()) previous.set(s.orgId, { asOf: s.asOf, overall: s.overall as Tally });
  const out = new Map<string, Summary>();
  if ([...measures.keys()].every((orgId) => previous.has(orgId))) {
    for (const [orgId, list] of measures) out.set(orgId, summarise(fiscalYears.get(orgId)!, list, [], now, thresholdsOf(orgId), previous.get(orgId)));
    return out;
  }
  const newestBefore = new Map<string, SummaryReport & { orgId: string }>();
  for await (const r of ProgressReportModel.find({ reportedAt: { $lte: monthAgo } }).select('orgId measureId reportedAt status disbursed').lean().cursor()) {
    const key = String(r.measureId);
    const seen = newestBefore.get(key);
    if (!seen || seen.reportedAt < r.reportedAt) {
      newestBefore.set(key, { orgId: r.orgId, measureId: key, reportedAt: r.reportedAt, status: r.status as Status, disbursed: r.disbursed ?? null });
    }
  }
  const reportsByOrg = new Map<string, SummaryReport[]>();
  for (const r of newestBefore.values()) {
    const list = reportsByOrg.get(r.orgId) ?? [];
    list.push(r);
    reportsByOrg.set(r.orgId, list);
  }
  for (const [orgId, list] of measures) {
    out.set(orgId, summarise(fiscalYears.get(orgId)!, list, reportsByOrg.get(orgId) ?? [], now, thresholdsOf(orgId), previous.get(orgId)));
  }
  return out;
}

/**
 * Every measure of each organisation's active fiscal year (`fiscalYears`: organisation → B.E. year; others
 * are skipped), in the order of the official tables: one query per (fiscal year, family, status), read side
 * by side.
 */
export async function loadCurrentMeasures(fiscalYears: ReadonlyMap<string, number>): Promise<Map<string, SummaryMeasure[]>> {
  const years = new Set(fiscalYears.values());
  const parts = [...years].flatMap((fiscalYear) => FAMILIES.flatMap((family) => STATUSES.map((status) => ({ fiscalYear, family, status }))));
  const read = new Map<string, { number: number | null; facts: SummaryMeasure }[]>();
  await Promise.all(
    parts.map(async (filter) => {
      for await (const d of MeasureModel.find(filter).lean().cursor()) {
        if (fiscalYears.get(d.orgId) !== d.fiscalYear) continue;
        const list = read.get(d.orgId) ?? [];
        list.push({ number: d.number ?? null, facts: toMeasureFacts(d) });
        read.set(d.orgId, list);
      }
    }),
  );
  return new Map([...read].map(([orgId, list]) => [orgId, list.sort(inTableOrder).map((m) => m.facts)]));
}

/**
 * Records the figures monthly summaries reported, for next month's trend: one organisation's, or every
 * organisation's of a deployment in a few bulk writes. A month's snapshot is new but for a run finished again
 * after a crash, so it is inserted, and only a snapshot already there is replaced (an upsert is a read and a
 * write a document).
 */
export async function recordSnapshots(reported: { orgId: string; summary: Summary }[]): Promise<void> {
  const docs = reported.map(({ orgId, summary }) => {
    const month = monthKey(summary.asOf);
    return { _id: snapshotId(orgId, month), orgId, month, asOf: summary.asOf, overall: summary.overall };
  });
  const inserted = await insertIgnoringDuplicates(SummarySnapshotModel, docs);
  await writeAll(
    SummarySnapshotModel,
    docs.filter((_, i) => !inserted[i]).map((replacement) => ({ replaceOne: { filter: { _id: replacement._id }, replacement } })),
  );
}

export async function recordSnapshot(orgId: string, summary: Summary): Promise<void> {
  await recordSnapshots([{ orgId, summary }]);
}
