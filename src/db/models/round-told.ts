import { Schema, model } from 'mongoose';

/**
 * What an officer was last told, in a free reply, was still awaiting a report in an E-PlanNACC round, `_id`
 * `<orgId>:<round>:<lineUserId>` (`round` as `2568-twelve_month`): the round's later reminder leaves out an
 * officer told since the one before, unless they have been given an item since.
 */
const roundToldSchema = new Schema(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    round: { type: String, required: true },
    lineUserId: { type: String, required: true },
    at: { type: Date, required: true },
    measureIds: { type: [String], default: [] },
  },
  { collection: 'round_told' },
);
roundToldSchema.index({ orgId: 1, round: 1, at: 1 });

export const RoundToldModel = model('RoundTold', roundToldSchema);
