import { Schema, model, type InferSchemaType } from 'mongoose';

/**
 * An operator's change to the working calendar (`holiday add` / `holiday remove`): a day off added, or a
 * shipped public holiday cancelled. `scope` is the organisation's code, or `*` for every organisation (a
 * string in both cases, so that each lookup is an equality on an indexed field). `_id` is `<scope>:<date>`:
 * one change per day and scope, and adding the same day again replaces its name.
 */
const holidayChangeSchema = new Schema(
  {
    _id: { type: String, required: true },
    scope: { type: String, required: true },
    /** The Bangkok day, YYYY-MM-DD. */
    date: { type: String, required: true },
    name: { type: String, required: true },
    off: { type: Boolean, required: true },
    changedAt: { type: Date, required: true },
  },
  { collection: 'holiday_changes' },
);
holidayChangeSchema.index({ scope: 1, date: 1 });

export type HolidayChangeDoc = InferSchemaType<typeof holidayChangeSchema>;
export const HolidayChangeModel = model('HolidayChange', holidayChangeSchema);
