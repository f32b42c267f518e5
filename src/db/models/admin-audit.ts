import { Schema, model } from 'mongoose';
import { AUDIT_ACTIONS, AUDIT_VIA } from '../../domain/admin-audit.js';

/** The management log (domain/admin-audit.ts): append-only, read newest first per organisation. */
const adminAuditSchema = new Schema(
  {
    orgId: { type: String, required: true },
    at: { type: Date, required: true },
    action: { type: String, enum: AUDIT_ACTIONS, required: true },
    via: { type: String, enum: AUDIT_VIA, required: true },
    staffId: { type: String, default: null },
    actorName: { type: String, required: true },
    subject: { type: String, default: '' },
    before: { type: String, default: '' },
    after: { type: String, default: '' },
  },
  { collection: 'admin_audit' },
);
adminAuditSchema.index({ orgId: 1, at: -1 });

export const AdminAuditModel = model('AdminAudit', adminAuditSchema);
