import { Schema, model, type InferSchemaType } from 'mongoose';
import { STAFF_ROLES } from '../../domain/roles.js';

/** A one-time code that links a LINE account to staff roles. `_id` is the code itself. */
const inviteSchema = new Schema(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    roles: { type: [{ type: String, enum: STAFF_ROLES }], required: true },
    unit: { type: String, default: null },
    position: { type: String, default: null },
    /** A supervisor's scope (`province:อ่างทอง`, see domain/rollup.ts); null for every other invite. */
    scope: { type: String, default: null },
    expiresAt: { type: Date, required: true },
    usedAt: { type: Date, default: null },
    usedBy: { type: String, default: null },
    /** What asked for it (an admin's webhook event): a retry of that event gets this code, not a second one. */
    requestKey: { type: String, default: null },
  },
  { timestamps: true, collection: 'invites' },
);
inviteSchema.index({ orgId: 1, requestKey: 1 });

/**
 * Redeeming inserts `{_id: code}` here: the unique `_id` makes the first redeemer win on MongoDB and FerretDB
 * alike, where a read-then-update of the invite could let two people use one code.
 */
const inviteRedemptionSchema = new Schema(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    lineUserId: { type: String, required: true },
    /** As LINE gave it when the code was redeemed: a retry completes the link without asking again. */
    displayName: { type: String, default: '' },
    redeemedAt: { type: Date, required: true },
  },
  { collection: 'invite_redemptions' },
);

/**
 * One wrong registration attempt (a code that is unknown, used or expired), for throttling guesses
 * (register-throttle-store.ts). One document per attempt rather than a counter: FerretDB has no atomic $inc.
 * The account is its keyed hash (Sealer.userKey), never the LINE id.
 */
const registerFailureSchema = new Schema(
  {
    orgId: { type: String, required: true },
    userKey: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'register_failures' },
);
registerFailureSchema.index({ orgId: 1, userKey: 1 });

export type Invite = InferSchemaType<typeof inviteSchema>;
export const InviteModel = model('Invite', inviteSchema);
export const InviteRedemptionModel = model('InviteRedemption', inviteRedemptionSchema);
export const RegisterFailureModel = model('RegisterFailure', registerFailureSchema);
