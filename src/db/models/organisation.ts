import { Schema, model, type InferSchemaType } from 'mongoose';

/** One local government organisation (อบต./เทศบาล); `_id` is its short code, the scope of every other document. */
const organisationSchema = new Schema(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    district: { type: String, default: '' },
    province: { type: String, default: '' },
    fiscalYear: { type: Number, required: true },
    itaScore: { type: Number, default: null },
    itaLevel: { type: String, default: null },
    // ปัจจัยสนับสนุน of the plan report, by B.E. fiscal year: a judgement of the organisation, not of one project.
    supportingFactors: { type: Map, of: [String], default: {} },
    /** Its own thresholds, reminder days, job times and digit style (domain/organisation.ts); unset fields take the deployment's. */
    settings: {
      type: new Schema(
        {
          thresholds: { type: [{ label: { type: String, required: true }, min: { type: Number, required: true }, _id: false }], default: undefined },
          roundReminderDaysBefore: { type: [Number], default: undefined },
          oitReminderDaysBefore: { type: [Number], default: undefined },
          jobTimes: { type: [{ job: { type: String, required: true }, at: { type: String, required: true }, _id: false }], default: undefined },
          digits: { type: String, enum: ['arabic', 'thai'], default: undefined },
          complaintCategories: { type: [String], default: undefined },
          // "HH:MM" (Bangkok) or "off".
          digestTime: { type: String, default: undefined },
        },
        { _id: false },
      ),
      default: undefined,
    },
    /**
     * The distinct times of day of `settings.jobTimes`, kept with them in the same update: a top-level field,
     * so that the per-minute tick's lookup is an indexed equality on FerretDB too (docs/database.md).
     */
    ownTimesOfDay: { type: [String], default: undefined },
    /** A disabled organisation gets no answers (401 at the webhook) and no scheduled jobs; its data stays. */
    active: { type: Boolean, default: true },
    /**
     * Its own LINE Official Account, when it has one (the deployment's default organisation may take its
     * channel from the environment instead). `botUserId` is the `destination` of the channel's webhooks; the
     * secret and the access token are sealed with the data key, never stored or logged in the clear.
     */
    channel: {
      type: new Schema(
        { botUserId: { type: String, required: true }, channelId: { type: String, default: '' }, secretSealed: { type: String, required: true }, tokenSealed: { type: String, required: true } },
        { _id: false },
      ),
      default: null,
    },
  },
  { timestamps: true, collection: 'organisations' },
);

organisationSchema.index({ 'channel.botUserId': 1 });
organisationSchema.index({ ownTimesOfDay: 1 });

export type Organisation = InferSchemaType<typeof organisationSchema>;
export const OrganisationModel = model('Organisation', organisationSchema);
