import { Schema, model } from 'mongoose';
import { ITA_INDICATOR_NUMBERS } from '../../domain/oit.js';

/** One indicator's row of a fiscal year's improvement table (seed 002): its score and the guideline to raise it. */
const itaIndicatorSchema = new Schema(
  {
    orgId: { type: String, required: true },
    fiscalYear: { type: Number, required: true },
    number: { type: Number, enum: ITA_INDICATOR_NUMBERS, required: true },
    score: { type: Number, min: 0, max: 100, default: null },
    guideline: { type: String, default: '' },
    responsible: { type: String, default: '' },
    period: { type: String, default: '' },
    progress: { type: String, default: '' },
    status: { type: String, enum: ['not_started', 'in_progress', 'completed'], default: 'not_started' },
  },
  { timestamps: true, collection: 'ita_indicators' },
);
itaIndicatorSchema.index({ orgId: 1, fiscalYear: 1, number: 1 }, { unique: true });

export const ItaIndicatorModel = model('ItaIndicator', itaIndicatorSchema);
