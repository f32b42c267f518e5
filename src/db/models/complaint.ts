import { Schema, model, type FlattenMaps, type InferSchemaType, type Types } from 'mongoose';
import { ATTACHMENT_KINDS } from '../../domain/attachments.js';
import { COMPLAINT_KINDS, COMPLAINT_STATUSES, TIMELINE_TYPES } from '../../domain/complaints.js';

/**
 * A citizen's complaint or corruption report (domain/complaints.ts). No handler, executive or database
 * reader learns who reported it. Contact details exist only for general complaints.
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
      type: new Schema(
        { title: { type: String, default: '' }, address: { type: String, default: '' }, latitude: { type: Number, default: null }, longitude: { type: Number, default: null } },
        { _id: false },
      ),
      default: null,
    },
    attachments: { type: [{ kind: { type: String, enum: ATTACHMENT_KINDS, required: true }, lineMessageId: { type: String, required: true }, fileName: { type: String, default: null }, _id: false }], default: [] },
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
    category: { type: String, default: null },
    afterPhotos: { type: [{ kind: { type: String, enum: ATTACHMENT_KINDS, required: true }, lineMessageId: { type: String, required: true }, fileName: { type: String, default: null }, _id: false }], default: [] },
    feedback: {
      type: new Schema({ stars: { type: Number, required: true }, comment: { type: String, default: null }, fixed: { type: Boolean, required: true }, at: { type: Date, required: true } }, { _id: false }),
      default: null,
    },
    reopenCount: { type: Number, default: 0 },
    reopenedAt: { type: Date, default: null },
    forwardedTo: { type: new Schema({ agency: { type: String, required: true }, note: { type: String, default: '' } }, { _id: false }), default: null },
    /** How many moves the case has taken (complaint_moves); a case from before moves were counted has none. */
    moves: { type: Number, default: 0 },
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
    type: { type: String, enum: TIMELINE_TYPES, required: true },
    status: { type: String, enum: [...COMPLAINT_STATUSES, null], default: null },
    text: { type: String, default: null },
    public: { type: Boolean, required: true },
    byUserId: { type: String, default: null },
    /** The webhook event that wrote it, where one entry per case or round is kept: a retry knows its own entry. */
    eventId: { type: String, default: null },
  },
  { collection: 'complaint_events' },
);
complaintEventSchema.index({ complaintId: 1, at: 1 });

/**
 * A move of a case (domain/complaint-states.ts), claimed by inserting `<case>:<n>` for its n-th move (complaint-moves.ts): of two
 * events moving one case at once, one insert succeeds on MongoDB and FerretDB alike, and only its event
 * writes the timeline entry and the case. It keeps what the move writes, so a retry of that event writes the
 * same.
 */
const complaintMoveSchema = new Schema(
  {
    _id: { type: String, required: true },
    /** Which move of the table; claims from before moves were named have none. */
    move: { type: String, default: null },
    orgId: { type: String, required: true },
    complaintId: { type: Schema.Types.ObjectId, required: true },
    n: { type: Number, required: true },
    eventId: { type: String, required: true },
    at: { type: Date, required: true },
    /** The case's fields the move sets (status and what goes with it). */
    set: { type: Schema.Types.Mixed, required: true },
    /** The timeline entry it writes: `id`, type, status, text, public, byUserId. */
    entry: { type: Schema.Types.Mixed, required: true },
  },
  { collection: 'complaint_moves', minimize: false },
);
complaintMoveSchema.index({ complaintId: 1, eventId: 1 });

/** A complaint as read with lean(). */
export type ComplaintDoc = FlattenMaps<InferSchemaType<typeof complaintSchema>> & { _id: Types.ObjectId };
export const ComplaintModel = model('Complaint', complaintSchema);
export const ComplaintEventModel = model('ComplaintEvent', complaintEventSchema);
export const ComplaintMoveModel = model('ComplaintMove', complaintMoveSchema);
