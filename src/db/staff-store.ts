import type { StaffContact } from '../domain/staff.js';
import type { StaffRole } from '../domain/roles.js';
import type { StaffMember } from '../domain/staff.js';
import { StaffModel, staffId } from './models/staff.js';

/** An active staff record in the domain's shape; a revoked one is nobody's staff account. */
async function activeStaff(id: string, orgId: string): Promise<StaffMember | null> {
  const doc = await StaffModel.findById(id).lean();
  if (!doc || doc.orgId !== orgId || !doc.active) return null;
  return {
    lineUserId: doc.lineUserId,
    displayName: doc.displayName ?? '',
    roles: doc.roles as StaffRole[],
    unit: doc.unit ?? null,
    position: doc.position ?? null,
    fullName: doc.fullName ?? null,
    officialPosition: doc.officialPosition ?? null,
    scope: doc.scope ?? null,
  };
}

export async function findStaff(orgId: string, lineUserId: string): Promise<StaffMember | null> {
  return activeStaff(staffId(orgId, lineUserId), orgId);
}

/** The id a staff record is kept under; it contains the LINE id, so it leaves the server only sealed. */
export const staffIdOf = staffId;

/** A staff member by record id, if still active in this organisation (a download link names who asked). */
export async function findStaffById(orgId: string, id: string): Promise<StaffMember | null> {
  return activeStaff(id, orgId);
}

export async function listStaff(orgId: string) {
  return StaffModel.find({ orgId }).sort({ active: -1, linkedAt: 1 }).lean();
}

/**
 * Ends a person's staff access at once, unchecked: what admins and operators do goes through
 * `changeStaffAccess` (staff-admin-store.ts), which keeps the last admin and logs the change. Returns their
 * LINE user id (to give them the citizen menu back), or null when no such staff member exists.
 */
export async function revokeStaff(orgId: string, id: string): Promise<string | null> {
  const doc = await StaffModel.findOne({ _id: id, orgId }, { lineUserId: 1 }).lean();
  if (!doc) return null;
  await StaffModel.updateOne({ _id: id, orgId }, { $set: { active: false } });
  return doc.lineUserId;
}

/** Active staff holding a role, in a fixed order (so split messages split the same way every time). */
export async function staffWithRole(orgId: string, role: StaffRole): Promise<StaffContact[]> {
  const docs = await StaffModel.find({ orgId, roles: role, active: true }).sort({ lineUserId: 1 }).lean();
  return docs.map(toContact);
}

const toContact = (d: { lineUserId: string; displayName?: string | null; unit?: string | null; position?: string | null; fullName?: string | null; officialPosition?: string | null }): StaffContact => ({
  lineUserId: d.lineUserId,
  displayName: d.displayName ?? '',
  unit: d.unit ?? null,
  position: d.position ?? null,
  fullName: d.fullName ?? null,
  officialPosition: d.officialPosition ?? null,
});

/** The same for every organisation at once (one read), for a job run across a whole deployment. */
export async function staffWithRoleByOrganisation(role: StaffRole): Promise<(orgId: string) => StaffContact[]> {
  const byOrg = new Map<string, StaffContact[]>();
  for await (const d of StaffModel.find({ roles: role, active: true }).lean().cursor()) {
    const list = byOrg.get(d.orgId) ?? [];
    list.push(toContact(d));
    byOrg.set(d.orgId, list);
  }
  for (const list of byOrg.values()) list.sort((a, b) => (a.lineUserId < b.lineUserId ? -1 : a.lineUserId > b.lineUserId ? 1 : 0));
  return (orgId) => byOrg.get(orgId) ?? [];
}

/** Links a person as staff unless they already are: what they or an admin changed since is kept. */
export async function linkStaffOnce(
  orgId: string,
  person: { lineUserId: string; displayName: string; roles: StaffRole[]; unit: string | null; scope?: string | null; inviteCode: string; fullName?: string | null; officialPosition?: string | null },
  linkedAt: Date,
): Promise<void> {
  const id = staffId(orgId, person.lineUserId);
  await StaffModel.updateOne({ _id: id }, { $setOnInsert: { orgId, ...person, linkedAt } }, { upsert: true });
  // A record linked before names were asked for gets them once; a name the person gave since is kept.
  if (person.fullName) await StaffModel.updateOne({ _id: id, fullName: null }, { $set: { fullName: person.fullName } });
  if (person.officialPosition) await StaffModel.updateOne({ _id: id, officialPosition: null }, { $set: { officialPosition: person.officialPosition } });
}

/**
 * Stores the full name or the signing position a person typed, on their active record only (a revoked
 * account gains nothing). Setting the same value again changes nothing, so a retried step is harmless.
 */
export async function setStaffProfile(orgId: string, lineUserId: string, change: { fullName: string } | { officialPosition: string }): Promise<boolean> {
  // The field is named here, never taken from the input: typed text only ever becomes a value.
  const set = 'fullName' in change ? { fullName: String(change.fullName) } : { officialPosition: String(change.officialPosition) };
  const result = await StaffModel.updateOne({ _id: staffId(orgId, lineUserId), orgId, active: true }, { $set: set });
  return result.matchedCount > 0;
}

/** The active supervisors of a (supervising) organisation with their scopes, in a fixed order. */
export async function supervisorsOf(orgId: string): Promise<{ lineUserId: string; scope: string | null }[]> {
  const docs = await StaffModel.find({ orgId, roles: 'supervisor', active: true }).sort({ lineUserId: 1 }).lean();
  return docs.map((d) => ({ lineUserId: d.lineUserId, scope: d.scope ?? null }));
}
