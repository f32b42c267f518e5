import { Schema, model } from 'mongoose';

/** Who changed what of an item, from LINE or by a re-import: measures are edited in place, so this is their history. */
const measureChangeSchema = new Schema(
  {
    orgId: { type: String, required: true },
    measureId: { type: Schema.Types.ObjectId, required: true },
    code: { type: String, required: true },
    field: { type: String, required: true },
    before: { type: String, default: '' },
    after: { type: String, default: '' },
    by: { type: String, required: true },
    at: { type: Date, required: true },
    source: { type: String, enum: ['line', 'import'], required: true },
  },
  { collection: 'measure_changes' },
);
measureChangeSchema.index({ orgId: 1, measureId: 1, at: -1 });

export const MeasureChangeModel = model('MeasureChange', measureChangeSchema);
