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
    /** The hash of the definitions and pictures installed (`richMenuSetHash`); none on a set installed before it was kept. */
    definitionsHash: { type: String, default: null },
  },
  { collection: 'rich_menus' },
);

export type RichMenuSet = InferSchemaType<typeof richMenuSetSchema>;
export const RichMenuSetModel = model('RichMenuSet', richMenuSetSchema);

/**
 * One instance's claim to install an organisation's menus of one definitions hash (`_id` `<org>#<hash>`):
 * several instances starting with new menu files install them once. A claim older than the lease whose
 * install never finished is taken over (menus/reinstall-changed-menus.ts).
 */
const richMenuClaimSchema = new Schema(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    owner: { type: String, required: true },
    claimedAt: { type: Date, required: true },
  },
  { collection: 'rich_menu_claims' },
);
export const RichMenuClaimModel = model('RichMenuClaim', richMenuClaimSchema);
