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
  },
  { timestamps: true, collection: 'staff' },
);
staffSchema.index({ orgId: 1, lineUserId: 1 }, { unique: true });

export type Staff = InferSchemaType<typeof staffSchema>;
export const StaffModel = model('Staff', staffSchema);
export const staffId = (orgId: string, lineUserId: string) => `${orgId}:${lineUserId}`;
