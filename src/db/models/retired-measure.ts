import { Schema, model } from 'mongoose';

/**
 * Plan items taken out of the plan because another record now holds their fact (an `ita_indicator` item
 * naming an OIT item, whose one record is the OIT list's item): the stored document as it was, under its own
 * `_id`, so its progress reports still name an item someone can look up. Nothing but operators reads it.
 */
const retiredMeasureSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    orgId: { type: String, required: true },
    fiscalYear: { type: Number, required: true },
    code: { type: String, required: true },
    retiredAt: { type: Date, required: true },
    /** Where the fact went, such as "oit_items O10". */
    movedTo: { type: String, required: true },
    measure: { type: Schema.Types.Mixed, required: true },
  },
  { collection: 'retired_measures' },
);

export const RetiredMeasureModel = model('RetiredMeasure', retiredMeasureSchema);

/** Who moves which item, round by round: the instance whose insert of `<item id>#<round>` succeeds. */
const oitPlanMoveSchema = new Schema(
  { _id: { type: String, required: true }, unitId: { type: String, required: true }, owner: { type: String, required: true }, at: { type: Date, required: true } },
  { collection: 'oit_plan_moves' },
);

export const OitPlanMoveModel = model('OitPlanMove', oitPlanMoveSchema);
