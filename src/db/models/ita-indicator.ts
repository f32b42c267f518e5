import { Schema, model } from 'mongoose';
import { ITA_INDICATOR_NUMBERS } from '../../domain/oit.js';

/**
 * The old second record of the indicators: one row per fiscal year and indicator, loaded by `indicators import`
 * before the plan's `ita_indicator` items took its place. Nothing reads it but the one-time move onto those
 * items (`moveIndicatorTable`, src/db/indicator-store.ts), which marks each row it has moved.
 */
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
    /** The move's round (see `claimRound`): a claim left by an instance that died is passed after its lease. */
    moveRound: { type: Number, default: 0 },
    movedAt: { type: Date, default: null },
    movedTo: { type: String, default: null },
  },
  { timestamps: true, collection: 'ita_indicators' },
);
itaIndicatorSchema.index({ orgId: 1, fiscalYear: 1, number: 1 }, { unique: true });

export const ItaIndicatorModel = model('ItaIndicator', itaIndicatorSchema);

/** Who moves which row, round by round: the instance whose insert of `<row id>#<round>` succeeds. */
const itaIndicatorMoveSchema = new Schema(
  { _id: { type: String, required: true }, unitId: { type: String, required: true }, owner: { type: String, required: true }, at: { type: Date, required: true } },
  { collection: 'ita_indicator_moves' },
);

export const ItaIndicatorMoveModel = model('ItaIndicatorMove', itaIndicatorMoveSchema);
