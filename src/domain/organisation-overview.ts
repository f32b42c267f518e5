import type { StaffRole } from './roles.js';

/** What the admin's home card (`จัดการ`) shows of the organisation: who it is, its year, its people and its plan. */
export interface OrganisationOverview {
  /** Its name as set ('' when nobody has set it yet). */
  name: string;
  /** The fiscal year its officers report on (B.E.). */
  fiscalYear: number;
  /** Active staff accounts; someone with two roles is one person. */
  people: number;
  /** Active staff holding each role (someone with two roles counts under both). */
  byRole: Readonly<Record<StaffRole, number>>;
  /** Items (measures and projects) in that year's plan. */
  planItems: number;
}
