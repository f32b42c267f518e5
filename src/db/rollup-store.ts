import { fiscalYearOf } from '../domain/fiscal-year.js';
import { oitState } from '../domain/oit.js';
import {
  buildRollup,
  complaintTimeliness,
  inScope,
  placeName,
  type ComplaintClock,
  type ComplaintTimeliness,
  type OitReadiness,
  type Rollup,
  type RollupOrganisation,
  type SupervisorScope,
} from '../domain/rollup.js';
import type { ComplaintStatus } from '../domain/complaints.js';
import type { SummaryMeasure, Threshold } from '../domain/summary.js';
import { ComplaintModel } from './models/complaint.js';
import { OitItemModel } from './models/oit-item.js';
import { OrganisationModel } from './models/organisation.js';
import { StaffModel } from './models/staff.js';
import { loadCurrentMeasures, loadSummaryMeasures } from './summary-store.js';

/**
 * The active organisations a scope covers, by their profile's province and district. Supervising offices
 * themselves (an organisation with a supervisor among its staff) are not supervised: they have no plan.
 */
export async function organisationsInScope(scope: SupervisorScope): Promise<RollupOrganisation[]> {
  const offices = new Set((await StaffModel.find({ roles: 'supervisor', active: true }).select('orgId').lean()).map((s) => s.orgId));
  const docs = await OrganisationModel.find({ active: true }).select('_id name province district fiscalYear').lean();
  return docs
    .map((d) => ({ orgId: d._id, name: d.name, province: placeName(d.province ?? '', 'province'), district: placeName(d.district ?? '', 'district'), fiscalYear: d.fiscalYear }))
    .filter((o) => !offices.has(o.orgId) && inScope(scope, o));
}

type ClockDoc = { orgId: string; status: string; dueAt: Date; closedAt?: Date | null };
type OitDoc = { orgId: string; fiscalYear: number; answer?: unknown; review?: unknown };

/** Complaint clocks counted per organisation; only status and dates are ever read of a complaint. */
function countComplaints(docs: Iterable<ClockDoc>, now: Date): Map<string, ComplaintTimeliness> {
  const byOrg = new Map<string, ComplaintClock[]>();
  for (const c of docs) {
    const list = byOrg.get(c.orgId) ?? [];
    list.push({ status: c.status as ComplaintStatus, dueAt: c.dueAt, closedAt: c.closedAt ?? null });
    byOrg.set(c.orgId, list);
  }
  return new Map([...byOrg].map(([orgId, list]) => [orgId, complaintTimeliness(list, now)]));
}

/** OIT readiness of each organisation's newest list among the items given. */
function countOit(docs: Iterable<OitDoc>): Map<string, OitReadiness> {
  const newest = new Map<string, { year: number; counts: OitReadiness }>();
  for (const item of docs) {
    const seen = newest.get(item.orgId);
    if (seen && seen.year > item.fiscalYear) continue;
    const entry = seen && seen.year === item.fiscalYear ? seen : { year: item.fiscalYear, counts: { total: 0, answered: 0, approved: 0 } };
    const state = oitState({ answer: item.answer ?? null, review: item.review ?? null } as Parameters<typeof oitState>[0]);
    entry.counts.total++;
    if (state !== 'unanswered') entry.counts.answered++;
    if (state === 'approved') entry.counts.approved++;
    newest.set(item.orgId, entry);
  }
  return new Map([...newest].map(([orgId, e]) => [orgId, e.counts]));
}

const COMPLAINT_FIELDS = 'orgId status dueAt closedAt';
const OIT_FIELDS = 'orgId fiscalYear answer review';

async function collect<T>(cursor: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const doc of cursor) out.push(doc);
  return out;
}

/**
 * The whole country in one pass: measures as the all-organisation summary reads them (fiscal year × family
 * × status), the fiscal year's complaints and the OIT items of the years in play, each one query for all.
 */
async function readAtOnce(fiscalYears: ReadonlyMap<string, number>, years: readonly number[], now: Date) {
  const [measures, complaints, oit] = await Promise.all([
    loadCurrentMeasures(fiscalYears),
    collect(ComplaintModel.find({ fiscalYear: fiscalYearOf(now) }).select(COMPLAINT_FIELDS).lean().cursor()),
    Promise.all(years.map((fiscalYear) => collect(OitItemModel.find({ fiscalYear }).select(OIT_FIELDS).lean().cursor()))),
  ]);
  return { measures, complaints: countComplaints(complaints, now), oit: countOit(oit.flat()) };
}

/** How many organisations are read at the same time when a scope is read organisation by organisation. */
const READ_AHEAD = 8;

/**
 * A district or a province (tens to a few hundred of 7,850), organisation by organisation on the
 * `{orgId, fiscalYear}` indexes, a few at a time. The one pass would read the whole country's year to keep a
 * province of it: FerretDB filters an `$in` in Go after reading every row its equalities select (see
 * docs/performance.md, "Roll-ups", for the figures); MongoDB would serve the `$in` from the index, but the
 * indexed reads cost it little more.
 */
async function readByOrganisation(fiscalYears: ReadonlyMap<string, number>, years: readonly number[], now: Date) {
  const orgIds = [...fiscalYears.keys()];
  const measures = new Map<string, SummaryMeasure[]>();
  const complaints: ClockDoc[] = [];
  const oit: OitDoc[] = [];
  const complaintYear = fiscalYearOf(now);
  let next = 0;
  const worker = async () => {
    while (next < orgIds.length) {
      const orgId = orgIds[next++]!;
      const [own, clocks, items] = await Promise.all([
        loadSummaryMeasures(orgId, fiscalYears.get(orgId)!),
        ComplaintModel.find({ orgId, fiscalYear: complaintYear }).select(COMPLAINT_FIELDS).lean(),
        OitItemModel.find({ orgId }).select(OIT_FIELDS).lean(),
      ]);
      if (own.length > 0) measures.set(orgId, own);
      complaints.push(...clocks);
      oit.push(...items.filter((i) => years.includes(i.fiscalYear)));
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_AHEAD, orgIds.length) }, worker));
  return { measures, complaints: countComplaints(complaints, now), oit: countOit(oit) };
}

/**
 * A scope's roll-up: the organisations it covers, then their measures, complaint clocks and OIT items, read
 * in one pass for the country and organisation by organisation for a district or a province.
 */
export async function loadRollup(scope: SupervisorScope, now: Date, thresholds: Threshold[]): Promise<Rollup> {
  const organisations = await organisationsInScope(scope);
  const fiscalYears = new Map(organisations.map((o) => [o.orgId, o.fiscalYear]));
  const years = [...new Set([...fiscalYears.values(), fiscalYearOf(now)])].sort();
  const facts = scope.level === 'national' ? await readAtOnce(fiscalYears, years, now) : await readByOrganisation(fiscalYears, years, now);
  return buildRollup(scope, organisations, facts, now, thresholds);
}
