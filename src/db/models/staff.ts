import { Schema, model, type InferSchemaType } from 'mongoose';
import { STAFF_ROLES } from '../../domain/roles.js';

/**
 * A LINE account linked to staff roles by an invite code. Citizens have no document here. `_id` is
 * `<orgId>:<lineUserId>`: every event looks its sender up by that one key.
 */
const staffSchema = new Schema(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    lineUserId: { type: String, required: true },
    displayName: { type: String, default: '' },
    roles: { type: [{ type: String, enum: STAFF_ROLES }], required: true },
    unit: { type: String, default: null },
    /** The invite's งาน/ตำแหน่ง, what items name as assignees (operator's). */
    position: { type: String, default: null },
    /** ชื่อ-นามสกุล and ตำแหน่ง as the person typed them, for signing reports (registration, ข้อมูลของฉัน). */
    fullName: { type: String, default: null },
    officialPosition: { type: String, default: null },
    /** The organisations a supervisor sees (`scopeKey`, domain/rollup.ts); null for everyone else. */
    scope: { type: String, default: null },
    inviteCode: { type: String, required: true },
    linkedAt: { type: Date, required: true },
    active: { type: Boolean, default: true },
    /** The last of the organisation's access changes (`staff_changes`) written to this record; 0 for none. */
    accessChange: { type: Number, default: 0 },
  },
  { timestamps: true, collection: 'staff' },
);
staffSchema.index({ orgId: 1, lineUserId: 1 }, { unique: true });

export type Staff = InferSchemaType<typeof staffSchema>;
export const StaffModel = model('Staff', staffSchema);
export const staffId = (orgId: string, lineUserId: string) => `${orgId}:${lineUserId}`;

/**
 * The organisation's changes of staff roles and revocations, numbered: each is claimed by inserting
 * `<orgId>#<n>` (docs/database.md: concurrency only through inserts on unique keys), judged against the staff
 * as they stood after change n-1. So of two admins removing each other at the same moment only one change is
 * made, and the organisation is never left without an admin. The claim holds the whole change, so whoever
 * comes next completes one whose writer stopped half-way.
 */
const staffChangeSchema = new Schema(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    n: { type: Number, required: true },
    staffId: { type: String, required: true },
    roles: { type: [String], required: true },
    active: { type: Boolean, required: true },
    /** What asked for it (a webhook event, a CLI run): a retry of the same request finds its own change. */
    requestKey: { type: String, required: true },
    before: { type: [String], required: true },
    at: { type: Date, required: true },
  },
  { collection: 'staff_changes' },
);
staffChangeSchema.index({ orgId: 1, n: -1 });

export const StaffChangeModel = model('StaffChange', staffChangeSchema);
