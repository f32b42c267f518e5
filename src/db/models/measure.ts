import { Schema, model, type InferSchemaType } from 'mongoose';
import { FAMILIES } from '../../domain/measures.js';
import { STATUSES } from '../../domain/statuses.js';

/**
 * A trackable item of any of the three families. `status`, `disbursed` and `lastReport*` mirror the newest
 * ProgressReport so lists need no second query; the reports themselves are the history.
 */
const measureSchema = new Schema(
  {
    orgId: { type: String, required: true },
    fiscalYear: { type: Number, required: true },
    code: { type: String, required: true },
    number: { type: Number, default: null },
    family: { type: String, enum: FAMILIES, required: true },
    title: { type: String, required: true },
    indicator: { type: String, default: null },
    dimension: { type: Number, min: 1, max: 4, default: null },
    guideline: { type: String, default: null },
    /** An ita_indicator item's score in the assessment its guideline answers (seed 002), 0–100; null when not known. */
    score: { type: Number, min: 0, max: 100, default: null },
    methodSteps: { type: [String], default: [] },
    responsibleUnits: { type: [String], default: [] },
    assignees: { type: [String], default: [] },
    periodText: { type: String, default: '' },
    periodStart: { type: Date, required: true },
    periodEnd: { type: Date, required: true },
    budget: { type: Number, default: 0, min: 0 },
    disbursed: { type: Number, default: 0, min: 0 },
    status: { type: String, enum: STATUSES, default: 'not_started' },
    lastReportAt: { type: Date, default: null },
    lastReportId: { type: Schema.Types.ObjectId, default: null },
    reopenedAt: { type: Date, default: null },
    /** The round of its one-time move to the OIT list (`moveOitPlanItems`), for an item naming an OIT item. */
    oitMoveRound: { type: Number, default: 0 },
  },
  { timestamps: true, collection: 'measures' },
);
measureSchema.index({ orgId: 1, fiscalYear: 1, code: 1 }, { unique: true });

export type Measure = InferSchemaType<typeof measureSchema>;
export const MeasureModel = model('Measure', measureSchema);
