import type { AuditActor } from '../domain/admin-audit.js';
import { ALL_UNITS } from '../domain/measures.js';
import { orderedRoles, rolesTh, type StaffRole } from '../domain/roles.js';
import { parseScope, scopeTh } from '../domain/rollup.js';
import { nameOf } from '../domain/staff.js';
import { formatThaiDateTime } from '../domain/thai.js';
import { auditLog, recordAudit } from './admin-audit-store.js';
import { createInvite } from './invite-store.js';
import { isDuplicateKey } from './is-duplicate-key.js';
import { MeasureModel } from './models/measure.js';
import { StaffChangeModel, StaffModel, staffId } from './models/staff.js';

/**
 * How an organisation's staff are invited, given roles and revoked: the one path the CLI (`invite`, `staff
 * roles`, `staff revoke`) and the admin in LINE (`เชิญเจ้าหน้าที่`, `เจ้าหน้าที่`) both take, each change written
 * to the management log.
 */

/** A staff record as an admin manages it. */
export interface StaffEntry {
  id: string;
  lineUserId: string;
  /** The name as recorded, the LINE name otherwise. */
  name: string;
  roles: StaffRole[];
  unit: string | null;
  position: string | null;
  /** ตำแหน่ง as the person signs with it. */
  officialPosition: string | null;
  scope: string | null;
  active: boolean;
}

const sameRoles = (a: readonly string[], b: readonly string[]) => orderedRoles(a).join() === orderedRoles(b).join();

type StaffDoc = { _id: unknown; lineUserId: string; displayName?: string | null; fullName?: string | null; roles: string[]; unit?: string | null; position?: string | null; officialPosition?: string | null; scope?: string | null; active?: boolean | null };

const toEntry = (d: StaffDoc): StaffEntry => ({
  id: String(d._id),
  lineUserId: d.lineUserId,
  name: nameOf({ displayName: d.displayName ?? '', fullName: d.fullName ?? null }),
  roles: orderedRoles(d.roles),
  unit: d.unit ?? null,
  position: d.position ?? null,
  officialPosition: d.officialPosition ?? null,
  scope: d.scope ?? null,
  active: d.active !== false,
});

/** Every staff record of this organisation, revoked ones too (a button may name someone revoked since): active first, then as they joined. */
export async function staffOfOrganisation(orgId: string): Promise<StaffEntry[]> {
  return (await StaffModel.find({ orgId }).sort({ active: -1, linkedAt: 1 }).lean()).map(toEntry);
}

/** The log's actor for an admin writing in LINE. */
export function lineActor(orgId: string, lineUserId: string, name: string): AuditActor {
  return { via: 'line', staffId: staffId(orgId, lineUserId), name };
}

/** Units an invite can name: those of the active staff, then those the year's plan names. */
export async function knownUnits(orgId: string, fiscalYear: number): Promise<string[]> {
  const [staff, measures] = await Promise.all([StaffModel.find({ orgId, active: true }, { unit: 1 }).lean(), MeasureModel.find({ orgId, fiscalYear }, { responsibleUnits: 1 }).lean()]);
  const units = [...staff.map((s) => s.unit ?? ''), ...measures.flatMap((m) => (m.responsibleUnits ?? []) as string[])].map((u) => u.trim()).filter((u) => u && u !== ALL_UNITS);
  return [...new Set(units)];
}

export interface StaffInvite {
  roles: StaffRole[];
  unit: string | null;
  position: string | null;
  /** A supervisor's scope as stored (`scopeKey`); null for every other role. */
  scope: string | null;
  validHours: number;
  actor: AuditActor;
  now: Date;
  /** What asked (an admin's webhook event): its retry gets the same code and writes no second log line. */
  requestKey?: string;
}

/** What an invite is for, as the log and the summary show it: roles, unit, scope. */
export function inviteSubject(invite: Pick<StaffInvite, 'roles' | 'unit' | 'scope'>): string {
  const scope = invite.scope ? parseScope(invite.scope) : null;
  return [rolesTh(invite.roles), invite.unit, scope && scopeTh(scope)].filter(Boolean).join(' · ');
}

/** A one-time registration code for the roles, logged as staff.invite (the code itself is not logged). */
export async function inviteStaff(orgId: string, invite: StaffInvite): Promise<{ code: string; expiresAt: Date }> {
  const roles = orderedRoles(invite.roles);
  const made = await createInvite({ orgId, roles, unit: invite.unit, position: invite.position, scope: invite.scope, validHours: invite.validHours, now: invite.now, requestKey: invite.requestKey });
  if (made.repeated) return { code: made.code, expiresAt: made.expiresAt };
  await recordAudit(orgId, { action: 'staff.invite', actor: invite.actor, subject: inviteSubject({ ...invite, roles }), before: '', after: `รหัสเชิญใช้ได้ถึง ${formatThaiDateTime(made.expiresAt)}` }, invite.now);
  return { code: made.code, expiresAt: made.expiresAt };
}

export type AccessChange = { roles: StaffRole[] } | 'revoke';

export interface AccessRequest {
  staffId: string;
  change: AccessChange;
  /** The roles the admin saw when they chose (a confirm button's); a change made since makes the press stale. */
  expectBefore?: readonly StaffRole[];
  actor: AuditActor;
  /** What asked (the webhook event, the CLI run): its retry finds the change it made rather than making it again. */
  requestKey: string;
  now: Date;
}

export type AccessOutcome =
  | { result: 'changed'; person: StaffEntry; before: StaffRole[]; after: StaffRole[]; revoked: boolean }
  /** Already as asked (a second press of the same confirm button). */
  | { result: 'unchanged'; person: StaffEntry }
  /** Changed by someone else since the admin chose: nothing done. */
  | { result: 'stale'; person: StaffEntry }
  | { result: 'last-admin'; person: StaffEntry }
  | { result: 'revoked'; person: StaffEntry }
  /** A supervisor's role given to someone with no scope, who would see nothing: a new invite sets the scope. */
  | { result: 'needs-scope'; person: StaffEntry }
  | { result: 'not-found' }
  /** The admin in LINE lost the admin role (or was revoked) before their change came. */
  | { result: 'not-admin' };

type Claim = { _id: string; orgId: string; n: number; staffId: string; roles: string[]; active: boolean; requestKey: string; before: string[]; at: Date };

/** Writes a claimed change to its staff record unless it is there already (or a later one is). */
async function complete(claim: Claim): Promise<void> {
  const doc = await StaffModel.findOne({ _id: claim.staffId, orgId: claim.orgId }, { accessChange: 1 }).lean();
  if (!doc || (doc.accessChange ?? 0) >= claim.n) return;
  await StaffModel.updateOne({ _id: claim.staffId, orgId: claim.orgId }, { $set: { roles: claim.roles, active: claim.active, accessChange: claim.n } });
}

/** The log line of a change, written once: a retry finds the line its first attempt wrote (same moment and subject). */
async function logChange(orgId: string, claim: Claim, person: StaffEntry, actor: AuditActor): Promise<void> {
  const action = claim.active ? 'staff.roles' : 'staff.revoke';
  const recent = await auditLog(orgId, { limit: 20 });
  if (recent.some((l) => l.at.getTime() === claim.at.getTime() && l.action === action && l.subject === person.name)) return;
  const before = rolesTh(orderedRoles(claim.before));
  await recordAudit(orgId, { action, actor, subject: person.name, before, after: claim.active ? rolesTh(orderedRoles(claim.roles)) : '' }, claim.at);
}

const changed = (claim: Claim, person: StaffEntry): AccessOutcome => ({
  result: 'changed',
  person: { ...person, roles: orderedRoles(claim.roles), active: claim.active },
  before: orderedRoles(claim.before),
  after: orderedRoles(claim.roles),
  revoked: !claim.active,
});

/** Enough for any number of admins pressing at once: each lost claim means another change was made. */
const MAX_TRIES = 20;

/**
 * Changes a person's roles, or revokes them, unless that would leave the organisation without an active admin.
 * Every change claims the organisation's next change number first, judged against the staff as the change
 * before it left them, so the rule holds when two admins remove each other at the same moment: one claim wins,
 * the other is judged again after it and refused. The caller relinks the person's rich menu.
 */
export async function changeStaffAccess(orgId: string, request: AccessRequest): Promise<AccessOutcome> {
  const id = String(request.staffId);
  for (let attempt = 0; attempt < MAX_TRIES; attempt += 1) {
    const latest = (await StaffChangeModel.findOne({ orgId }).sort({ n: -1 }).lean()) as Claim | null;
    if (latest) await complete(latest);
    const doc = await StaffModel.findOne({ _id: id, orgId }).lean();
    if (!doc) return { result: 'not-found' };
    const person = toEntry(doc);
    if (latest && latest.requestKey === request.requestKey && latest.staffId === id) {
      await logChange(orgId, latest, person, request.actor);
      return changed(latest, person);
    }
    if (request.actor.staffId) {
      const admin = await StaffModel.findOne({ _id: request.actor.staffId, orgId, active: true, roles: 'admin' }, { _id: 1 }).lean();
      if (!admin) return { result: 'not-admin' };
    }
    if (!person.active) return { result: 'revoked', person };
    const before = person.roles;
    const after = request.change === 'revoke' ? [] : orderedRoles(request.change.roles);
    if (request.expectBefore && !sameRoles(request.expectBefore, before)) {
      return request.change !== 'revoke' && sameRoles(before, after) ? { result: 'unchanged', person } : { result: 'stale', person };
    }
    if (request.change !== 'revoke' && sameRoles(before, after)) return { result: 'unchanged', person };
    if (after.includes('supervisor') && !before.includes('supervisor') && !person.scope) return { result: 'needs-scope', person };
    if (before.includes('admin') && !after.includes('admin')) {
      const others = await StaffModel.find({ orgId, roles: 'admin', active: true }, { _id: 1 }).lean();
      if (!others.some((o) => String(o._id) !== id)) return { result: 'last-admin', person };
    }
    const n = (latest?.n ?? 0) + 1;
    const claim: Claim = { _id: `${orgId}#${n}`, orgId, n, staffId: id, roles: after, active: request.change !== 'revoke', requestKey: request.requestKey, before, at: request.now };
    try {
      await StaffChangeModel.create(claim);
    } catch (error) {
      if (isDuplicateKey(error)) continue;
      throw error;
    }
    await complete(claim);
    await logChange(orgId, claim, person, request.actor);
    return changed(claim, person);
  }
  throw new Error('staff access change: too many concurrent changes');
}
