import { Schema, model, type InferSchemaType } from 'mongoose';

/**
 * A one-time link to a new organisation's onboarding page. `_id` is the SHA-256 of the token in the link: the
 * database never holds a usable token, so a copy of it opens no page.
 */
const onboardingLinkSchema = new Schema(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    issuedAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'onboarding_links' },
);
onboardingLinkSchema.index({ orgId: 1 });

/**
 * Using a link inserts `{_id: <its hash>}` here: of two submissions racing with one link, exactly one insert
 * wins, on MongoDB and FerretDB alike (docs/database.md). A use whose work then fails is deleted again.
 */
const onboardingUseSchema = new Schema(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    usedAt: { type: Date, required: true },
  },
  { collection: 'onboarding_link_uses' },
);

export type OnboardingLink = InferSchemaType<typeof onboardingLinkSchema>;
export const OnboardingLinkModel = model('OnboardingLink', onboardingLinkSchema);
export const OnboardingUseModel = model('OnboardingUse', onboardingUseSchema);
