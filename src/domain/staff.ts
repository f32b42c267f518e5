import type { StaffRole } from './roles.js';

/** A linked staff account as the conversation knows it. */
export interface StaffFacts {
  lineUserId: string;
  displayName: string;
  roles: StaffRole[];
  unit: string | null;
  /** ชื่อ-นามสกุล as the person typed it (registration or `ข้อมูลของฉัน`); null until they give it. */
  fullName?: string | null;
}

/** The same, with the position that measures may name as their assignee. */
export interface StaffMember extends StaffFacts {
  /** The invite's งาน/ตำแหน่ง: what measures and OIT items name as assignees, set by the operator. */
  position: string | null;
  /**
   * ตำแหน่ง as the person signs official documents, typed by themselves; kept apart from `position` so that
   * what someone types never changes which items they answer for.
   */
  officialPosition?: string | null;
  /** A supervisor's scope as stored (`scopeKey`); null or absent for everyone else. */
  scope?: string | null;
}

/** Whom a job writes to: a staff member with one of the roles it addresses. */
export type StaffContact = Omit<StaffMember, 'roles'>;

/** The longest ชื่อ-นามสกุล and ตำแหน่ง kept: long official titles fit, a pasted paragraph does not. */
export const MAX_FULL_NAME = 100;
export const MAX_OFFICIAL_POSITION = 150;

/** The name a person's work is recorded and signed under: their full name, their LINE name until they give one. */
export const nameOf = (staff: Pick<StaffFacts, 'displayName' | 'fullName'>): string => staff.fullName || staff.displayName;

/**
 * Who signs a report: the full name (else the LINE name) and the position they typed (else the invite's
 * งาน/ตำแหน่ง, else nothing).
 */
export function signatureOf(staff: Pick<StaffMember, 'displayName' | 'fullName' | 'position' | 'officialPosition'>): { name: string; position: string } {
  return { name: nameOf(staff), position: staff.officialPosition || staff.position || '' };
}
