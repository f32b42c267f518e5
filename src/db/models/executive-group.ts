import { Schema, model, type InferSchemaType } from 'mongoose';

/**
 * The organisation's executives' LINE group (src/domain/executive-group.ts). One document an organisation,
 * `_id` its code: linking another group replaces it, so there is never a doubt which group hears the jobs.
 * `groupKey` is the group id's keyed hash (Sealer.userKey): outbox keys and logs name the group by it.
 */
const executiveGroupSchema = new Schema(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    groupId: { type: String, required: true },
    groupKey: { type: String, required: true },
    /** The user key of the executive who linked it, and the event that did. */
    linkedByKey: { type: String, required: true },
    eventId: { type: String, required: true },
    linkedAt: { type: Date, required: true },
    /** What it receives (domain/executive-group-choice.ts); absent on groups linked before the choice, which receive everything. */
    receives: { type: String, required: false },
  },
  { collection: 'executive_groups' },
);

/** A one-time code an executive asked for in their own chat; `_id` is `<orgId>:<code>`. */
const groupLinkCodeSchema = new Schema(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    /** The event that asked for it: a retry of that event gives the same code. */
    eventId: { type: String, required: true },
    issuedToKey: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'group_link_codes' },
);
groupLinkCodeSchema.index({ orgId: 1, eventId: 1 });

/**
 * Using a code inserts `{_id: <orgId>:<code>}` here: the unique `_id` makes it single-use on MongoDB and
 * FerretDB alike. The event is kept so that a retry of the event that used it finishes the link.
 */
const groupLinkRedemptionSchema = new Schema(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    eventId: { type: String, required: true },
    groupKey: { type: String, required: true },
    usedAt: { type: Date, required: true },
  },
  { collection: 'group_link_redemptions' },
);

/**
 * One wrong link code typed in a group, counted against one unit (group-link-throttle-store.ts): `key` is
 * `sender:<user key>` or `group:<group key>`, and each wrong code writes one record for each. `_id` is
 * `<eventId>:<key>`, so a retried event counts once. One document per attempt: FerretDB has no atomic $inc.
 */
const groupLinkFailureSchema = new Schema(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    key: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'group_link_failures' },
);
groupLinkFailureSchema.index({ orgId: 1, key: 1 });

export type ExecutiveGroupDoc = InferSchemaType<typeof executiveGroupSchema>;
export const ExecutiveGroupModel = model('ExecutiveGroup', executiveGroupSchema);
export const GroupLinkCodeModel = model('GroupLinkCode', groupLinkCodeSchema);
export const GroupLinkRedemptionModel = model('GroupLinkRedemption', groupLinkRedemptionSchema);
export const GroupLinkFailureModel = model('GroupLinkFailure', groupLinkFailureSchema);
