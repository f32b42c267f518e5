import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { COMPLAINT_KINDS, COMPLAINT_STATUSES, type ComplaintKind, type ComplaintStatus } from '../../domain/complaints.js';

/**
 * A citizen's complaint or corruption report. The reporter is known only by `reporterKey` (a keyed hash,
 * to find "my cases") and `reporterSealed` (their LINE id encrypted, to push updates): no handler,
 * executive or database reader learns who it is. Contact details exist only for general complaints.
 */
const complaintSchema = new Schema(
  {
    orgId: { type: String, required: true },
    trackingNo: { type: String, required: true },
    kind: { type: String, enum: COMPLAINT_KINDS, required: true },
    fiscalYear: { type: Number, required: true },
    seq: { type: Number, required: true },
    status: { type: String, enum: COMPLAINT_STATUSES, default: 'received' },
    description: { type: String, required: true },
    accused: { type: String, default: null },
    happenedWhen: { type: String, default: null },
    location: {
      type: new Schema({ title: String, address: String, latitude: Number, longitude: Number }, { _id: false }),
      default: null,
    },
    attachments: { type: [{ kind: String, lineMessageId: String, fileName: String, _id: false }], default: [] },
    contactName: { type: String, default: null },
    contactPhone: { type: String, default: null },
    notify: { type: Boolean, default: true },
    reporterKey: { type: String, required: true },
    reporterSealed: { type: String, required: true },
    submittedAt: { type: Date, required: true },
    dueAt: { type: Date, required: true },
    handlerUserId: { type: String, default: null },
    handlerName: { type: String, default: null },
    closedAt: { type: Date, default: null },
    explanationRequired: { type: Boolean, default: false },
    explainedAt: { type: Date, default: null },
    /** The webhook event that confirmed it: a redelivered confirmation files nothing new. */
    sourceEventId: { type: String, required: true },
  },
  { timestamps: true, collection: 'complaints' },
);
complaintSchema.index({ orgId: 1, trackingNo: 1 }, { unique: true });
complaintSchema.index({ sourceEventId: 1 }, { unique: true });
complaintSchema.index({ orgId: 1, reporterKey: 1, submittedAt: -1 });
complaintSchema.index({ orgId: 1, kind: 1, status: 1 });
// A fiscal year's statistics (OIT O24).
complaintSchema.index({ orgId: 1, fiscalYear: 1 });

/**
 * The case's timeline, append-only. `public` entries are what the complainant sees; internal notes,
 * handler names and reminders are not. `_id` is chosen by the writer where an entry must exist once
 * (e.g. `<complaint>:escalation`).
 */
const complaintEventSchema = new Schema(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    complaintId: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
    type: { type: String, enum: ['submitted', 'taken', 'status', 'note', 'explanation', 'reminder', 'escalation'], required: true },
    status: { type: String, enum: [...COMPLAINT_STATUSES, null], default: null },
    text: { type: String, default: null },
    public: { type: Boolean, required: true },
    byUserId: { type: String, default: null },
  },
  { collection: 'complaint_events' },
);
complaintEventSchema.index({ complaintId: 1, at: 1 });

/** A complaint as read with lean(): the shape the rest of the code works with. */
export interface Complaint {
  _id: Types.ObjectId;
  orgId: string;
  trackingNo: string;
  kind: ComplaintKind;
  fiscalYear: number;
  seq: number;
  status: ComplaintStatus;
  description: string;
  accused: string | null;
  happenedWhen: string | null;
  location: { title: string; address: string; latitude: number | null; longitude: number | null } | null;
  attachments: { kind: string; lineMessageId: string; fileName: string | null }[];
  contactName: string | null;
  contactPhone: string | null;
  notify: boolean;
  reporterKey: string;
  reporterSealed: string;
  submittedAt: Date;
  dueAt: Date;
  handlerUserId: string | null;
  handlerName: string | null;
  closedAt: Date | null;
  explanationRequired: boolean;
  explainedAt: Date | null;
  sourceEventId: string;
}
export const ComplaintModel = model('Complaint', complaintSchema);
export type ComplaintEvent = InferSchemaType<typeof complaintEventSchema>;
export const ComplaintEventModel = model('ComplaintEvent', complaintEventSchema);
