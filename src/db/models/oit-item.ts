import { Schema, model, type InferSchemaType } from 'mongoose';
import { ATTACHMENT_KINDS } from '../../domain/attachments.js';
import { OIT_INDICATORS, URL_PROBLEMS } from '../../domain/oit.js';

const attachmentSchema = new Schema(
  { kind: { type: String, enum: ATTACHMENT_KINDS, required: true }, lineMessageId: { type: String, required: true }, fileName: { type: String, default: null } },
  { _id: false },
);

const answerSchema = new Schema(
  {
    version: { type: String, required: true },
    available: { type: Boolean, required: true },
    url: { type: String, default: null },
    explanation: { type: String, default: null },
    attachments: { type: [attachmentSchema], default: [] },
    answeredBy: { type: String, required: true },
    answeredByName: { type: String, default: '' },
    answeredAt: { type: Date, required: true },
  },
  { _id: false },
);

const reviewSchema = new Schema(
  {
    version: { type: String, required: true },
    decision: { type: String, enum: ['approved', 'returned'], required: true },
    note: { type: String, default: null },
    reviewedBy: { type: String, required: true },
    reviewerName: { type: String, default: '' },
    reviewedAt: { type: Date, required: true },
  },
  { _id: false },
);

const urlCheckSchema = new Schema(
  {
    checkedAt: { type: Date, required: true },
    url: { type: String, required: true },
    ok: { type: Boolean, required: true },
    httpStatus: { type: Number, default: null },
    problem: { type: String, enum: [...URL_PROBLEMS, null], default: null },
  },
  { _id: false },
);

/**
 * One OIT item of a fiscal year (O1…On) with its current answer, the reviewer's decision and the last check
 * of its published address. The answers' history is in `oit_answers`; this document mirrors the newest.
 */
const oitItemSchema = new Schema(
  {
    orgId: { type: String, required: true },
    fiscalYear: { type: Number, required: true },
    code: { type: String, required: true },
    number: { type: Number, required: true },
    title: { type: String, required: true },
    description: { type: String, default: '' },
    indicator: { type: Number, enum: OIT_INDICATORS, required: true },
    responsibleUnits: { type: [String], default: [] },
    assignees: { type: [String], default: [] },
    /** The plan's improvement guideline and its period (plan import, or the one-time move of plan items). */
    guideline: { type: String, default: null },
    guidelinePeriod: { type: String, default: null },
    answer: { type: answerSchema, default: null },
    review: { type: reviewSchema, default: null },
    urlCheck: { type: urlCheckSchema, default: null },
    brokenSince: { type: Date, default: null },
  },
  { timestamps: true, collection: 'oit_items' },
);
// Every list (an owner's, the reviewer's, the reports, the jobs) is one fiscal year's items.
oitItemSchema.index({ orgId: 1, fiscalYear: 1, code: 1 }, { unique: true });

/**
 * Append-only history of answers. `sourceEventId` (the webhook event that confirmed it) is unique, so a
 * redelivered confirmation adds nothing and moves nothing.
 */
const oitAnswerSchema = new Schema(
  {
    orgId: { type: String, required: true },
    itemId: { type: Schema.Types.ObjectId, required: true },
    code: { type: String, required: true },
    fiscalYear: { type: Number, required: true },
    available: { type: Boolean, required: true },
    url: { type: String, default: null },
    explanation: { type: String, default: null },
    attachments: { type: [attachmentSchema], default: [] },
    answeredBy: { type: String, required: true },
    answeredByName: { type: String, default: '' },
    answeredAt: { type: Date, required: true },
    sourceEventId: { type: String, required: true },
  },
  { collection: 'oit_answers' },
);
oitAnswerSchema.index({ sourceEventId: 1 }, { unique: true });
oitAnswerSchema.index({ orgId: 1, itemId: 1, answeredAt: -1 });

export type OitItemDoc = InferSchemaType<typeof oitItemSchema>;
export const OitItemModel = model('OitItem', oitItemSchema);
export const OitAnswerModel = model('OitAnswer', oitAnswerSchema);
