import { Schema, model, type InferSchemaType } from 'mongoose';

/**
 * The rich menus installed on LINE for an organisation, by menu name (`src/domain/rich-menus.ts`). One
 * document an organisation, `_id` its code: an install replaces it whole, so the bot never reads a mix of an
 * old and a new install.
 */
const richMenuSetSchema = new Schema(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    menus: {
      citizen: { type: String, required: true },
      officer: { type: String, required: true },
      handler: { type: String, required: true },
      executive: { type: String, required: true },
      // Absent in an install made before the admin menu existed (rich-menu-store.ts reads it as the executive's).
      admin: { type: String },
    },
    installedAt: { type: Date, required: true },
  },
  { collection: 'rich_menus' },
);

export type RichMenuSet = InferSchemaType<typeof richMenuSetSchema>;
export const RichMenuSetModel = model('RichMenuSet', richMenuSetSchema);
