import type { OrganisationOverview } from '../domain/organisation-overview.js';
import { STAFF_ROLES, type StaffRole } from '../domain/roles.js';
import { MeasureModel } from './models/measure.js';
import { OrganisationModel } from './models/organisation.js';
import { StaffModel } from './models/staff.js';

/** The organisation at a glance for its admin: counted here rather than listed, so the card costs three small reads. */
export async function organisationOverview(orgId: string, fiscalYear: number): Promise<OrganisationOverview> {
  const [org, staff, planItems] = await Promise.all([
    OrganisationModel.findById(orgId, { name: 1 }).lean(),
    StaffModel.find({ orgId, active: true }, { roles: 1 }).lean(),
    MeasureModel.countDocuments({ orgId, fiscalYear }),
  ]);
  const byRole = Object.fromEntries(STAFF_ROLES.map((r) => [r, 0])) as Record<StaffRole, number>;
  for (const person of staff) for (const role of new Set(person.roles)) if (role in byRole) byRole[role as StaffRole]++;
  return { name: org?.name ?? '', fiscalYear, people: staff.length, byRole, planItems };
}
