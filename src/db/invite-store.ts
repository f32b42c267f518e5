import { randomInt } from 'node:crypto';
import { addHours } from 'date-fns';
import type { StaffRole } from '../domain/roles.js';
import { arabicDigits } from '../domain/thai.js';
import { isDuplicateKey } from './is-duplicate-key.js';
import { InviteModel, InviteRedemptionModel } from './models/invite.js';
import { StaffModel, staffId } from './models/staff.js';

/** No 0/O, 1/I/L: codes are read aloud and typed on phones. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function newCode(): string {
  const chars = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/** Codes are compared without case, spaces or dashes, and in either digit style, as people type them on phones. */
export function normaliseCode(input: string): string {
  const raw = arabicDigits(input).toUpperCase().replace(/[\s-]/g, '');
  return raw.length === 8 ? `${raw.slice(0, 4)}-${raw.slice(4)}` : raw;
}

export interface NewInvite {
  orgId: string;
  roles: StaffRole[];
  unit: string | null;
  position: string | null;
  /** A supervisor's scope (`scopeKey`); the invite of any other role has none. */
  scope?: string | null;
  validHours: number;
  now?: Date;
  /** What asked for it: asked again (a retried event), the same code is answered, with `repeated`. */
  requestKey?: string;
}

export async function createInvite(input: NewInvite): Promise<{ code: string; expiresAt: Date; repeated?: boolean }> {
  if (input.requestKey) {
    const earlier = await InviteModel.findOne({ orgId: input.orgId, requestKey: String(input.requestKey) }).lean();
    if (earlier) return { code: earlier._id, expiresAt: earlier.expiresAt, repeated: true };
  }
  const now = input.now ?? new Date();
  const expiresAt = addHours(now, input.validHours);
  for (;;) {
    const code = newCode();
    try {
      await InviteModel.create({ _id: code, orgId: input.orgId, roles: input.roles, unit: input.unit, position: input.position, scope: input.scope ?? null, expiresAt, requestKey: input.requestKey ?? null });
      return { code, expiresAt };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
}

export type Redemption =
  | { result: 'linked'; roles: StaffRole[]; unit: string | null }
  | { result: 'unknown' | 'used' | 'expired' };

/**
 * Links a LINE account with the invite's roles. The insert into invite_redemptions is what makes the code
 * single-use: of two people racing for one code, only one insert succeeds. The display name is asked for
 * only for a code that links: a wrong code costs no call to LINE's profile API.
 *
 * Safe to repeat: the redemption names who redeemed the code, so a retry by that person (a write after the
 * redemption failed, or its acknowledgement was lost) completes the same link, dated by the redemption,
 * and is answered "linked"; anyone else is told the code is used.
 */
export async function redeemInvite(
  orgId: string,
  { code: rawCode, lineUserId, displayNameOf, now = new Date() }: { code: string; lineUserId: string; displayNameOf: () => Promise<string>; now?: Date },
): Promise<Redemption> {
  const code = normaliseCode(rawCode);
  const invite = await InviteModel.findOne({ _id: code, orgId }).lean();
  if (!invite) return { result: 'unknown' };
  let redemption = await InviteRedemptionModel.findById(code).lean();
  if (!redemption) {
    if (invite.usedAt) return { result: 'used' };
    if (invite.expiresAt <= now) return { result: 'expired' };
    // Before the redemption is stored: a failing call to LINE then leaves the code unused for the retry.
    const displayName = await displayNameOf();
    try {
      await InviteRedemptionModel.create({ _id: code, orgId, lineUserId, displayName, redeemedAt: now });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    redemption = await InviteRedemptionModel.findById(code).lean();
  }
  if (!redemption || redemption.lineUserId !== lineUserId || redemption.orgId !== orgId) return { result: 'used' };
  const at = redemption.redeemedAt;
  // A redemption stored before names were kept with it asks LINE again.
  const displayName = redemption.displayName ?? (await displayNameOf());
  await InviteModel.updateOne({ _id: code }, { $set: { usedAt: at, usedBy: lineUserId } });
  const roles = invite.roles as StaffRole[];
  const _id = staffId(orgId, lineUserId);
  let existing = await StaffModel.findById(_id).lean();
  if (!existing) {
    try {
      await StaffModel.create({ _id, orgId, lineUserId, displayName, roles, unit: invite.unit, position: invite.position, scope: invite.scope ?? null, inviteCode: code, linkedAt: at });
      return { result: 'linked', roles, unit: invite.unit ?? null };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      existing = await StaffModel.findById(_id).lean();
      if (!existing) throw error;
    }
  }
  // A second invite adds roles; the newest invite's unit and position win. A repeat sets the same values.
  await StaffModel.updateOne(
    { _id },
    {
      $addToSet: { roles: { $each: roles } },
      $set: { unit: invite.unit ?? existing.unit, position: invite.position ?? existing.position, scope: invite.scope ?? existing.scope ?? null, displayName, active: true, inviteCode: code, linkedAt: at },
    },
  );
  return { result: 'linked', roles, unit: invite.unit ?? existing.unit ?? null };
}
