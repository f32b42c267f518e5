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
  },
  { timestamps: true, collection: 'organisations' },
);

export type Organisation = InferSchemaType<typeof organisationSchema>;
export const OrganisationModel = model('Organisation', organisationSchema);
