import type { StaffRole } from './roles.js';

/** A linked staff account as the conversation knows it. */
export interface StaffFacts {
  lineUserId: string;
  displayName: string;
  roles: StaffRole[];
  unit: string | null;
}

/** The same, with the position that measures may name as their assignee. */
export interface StaffMember extends StaffFacts {
  position: string | null;
  /** A supervisor's scope as stored (`scopeKey`); null or absent for everyone else. */
  scope?: string | null;
}

/** Whom a job writes to: a staff member with one of the roles it addresses. */
export type StaffContact = Omit<StaffMember, 'roles'>;
