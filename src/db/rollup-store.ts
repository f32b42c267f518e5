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
import type { Threshold } from '../domain/summary.js';
import { ComplaintModel } from './models/complaint.js';
import { OitItemModel } from './models/oit-item.js';
import { OrganisationModel } from './models/organisation.js';
import { StaffModel } from './models/staff.js';
import { loadCurrentMeasures } from './summary-store.js';

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

/**
 * The complaint clocks of the fiscal year of `now`, counted per organisation: one query for all of them.
 * Only status and dates are read; what a complaint says and who made it never leave the collection.
 */
async function complaintCounts(orgIds: readonly string[] | undefined, now: Date): Promise<Map<string, ComplaintTimeliness>> {
  const byOrg = new Map<string, ComplaintClock[]>();
  const only = orgIds ? { orgId: { $in: [...orgIds] } } : {};
  for await (const c of ComplaintModel.find({ fiscalYear: fiscalYearOf(now), ...only }).select('orgId status dueAt closedAt').lean().cursor()) {
    const list = byOrg.get(c.orgId) ?? [];
    list.push({ status: c.status as ComplaintStatus, dueAt: c.dueAt, closedAt: c.closedAt ?? null });
    byOrg.set(c.orgId, list);
  }
  return new Map([...byOrg].map(([orgId, list]) => [orgId, complaintTimeliness(list, now)]));
}

/** OIT readiness of each organisation's newest OIT list among `years`: one query a year. */
async function oitCounts(orgIds: readonly string[] | undefined, years: readonly number[]): Promise<Map<string, OitReadiness>> {
  const only = orgIds ? { orgId: { $in: [...orgIds] } } : {};
  const newest = new Map<string, { year: number; counts: OitReadiness }>();
  for (const fiscalYear of years) {
    for await (const item of OitItemModel.find({ fiscalYear, ...only }).select('orgId fiscalYear answer review').lean().cursor()) {
      const seen = newest.get(item.orgId);
      if (seen && seen.year > fiscalYear) continue;
      const entry = seen && seen.year === fiscalYear ? seen : { year: fiscalYear, counts: { total: 0, answered: 0, approved: 0 } };
      const state = oitState({ answer: item.answer ?? null, review: item.review ?? null } as Parameters<typeof oitState>[0]);
      entry.counts.total++;
      if (state !== 'unanswered') entry.counts.answered++;
      if (state === 'approved') entry.counts.approved++;
      newest.set(item.orgId, entry);
    }
  }
  return new Map([...newest].map(([orgId, e]) => [orgId, e.counts]));
}

/**
 * A scope's roll-up in a fixed number of queries whatever its size: the organisations, then measures (one
 * pass per fiscal year, family and status, as the all-organisation summary reads them), complaints and OIT
 * items, each for all organisations of the scope at once. The national scope reads without an `$in`.
 */
export async function loadRollup(scope: SupervisorScope, now: Date, thresholds: Threshold[]): Promise<Rollup> {
  const organisations = await organisationsInScope(scope);
  const orgIds = scope.level === 'national' ? undefined : organisations.map((o) => o.orgId);
  const fiscalYears = new Map(organisations.map((o) => [o.orgId, o.fiscalYear]));
  const years = [...new Set([...fiscalYears.values(), fiscalYearOf(now)])].sort();
  const [measures, complaints, oit] = await Promise.all([loadCurrentMeasures(fiscalYears, orgIds), complaintCounts(orgIds, now), oitCounts(orgIds, years)]);
  return buildRollup(scope, organisations, { measures, complaints, oit }, now, thresholds);
}
