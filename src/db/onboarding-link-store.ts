import { createHash, randomBytes } from 'node:crypto';
import { addHours } from 'date-fns';
import { ONBOARDING_LINK_HOURS } from '../domain/onboarding.js';
import { insertUnique } from './lease.js';
import { OnboardingLinkModel, OnboardingUseModel } from './models/onboarding-link.js';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Issues a new onboarding link's token for an organisation and retires its earlier unused ones, so that only
 * the link the operator sent last works. Only the token's hash is stored.
 */
export async function issueOnboardingLink(orgId: string, { now = new Date(), hours = ONBOARDING_LINK_HOURS }: { now?: Date; hours?: number } = {}): Promise<{ token: string; expiresAt: Date }> {
  const used = new Set((await OnboardingUseModel.find({ orgId }, { _id: 1 }).lean()).map((u) => u._id));
  const earlier = (await OnboardingLinkModel.find({ orgId }, { _id: 1 }).lean()).map((l) => l._id).filter((id) => !used.has(id));
  if (earlier.length > 0) await OnboardingLinkModel.deleteMany({ _id: { $in: earlier } });
  const token = randomBytes(32).toString('base64url');
  const expiresAt = addHours(now, hours);
  await OnboardingLinkModel.create({ _id: hashOf(token), orgId, issuedAt: now, expiresAt });
  return { token, expiresAt };
}

export type OnboardingLinkState = { state: 'valid'; orgId: string; expiresAt: Date } | { state: 'used' | 'expired' | 'unknown' };

/** What a token opens: its organisation while it is valid, else why not. */
export async function onboardingLinkState(token: string, now = new Date()): Promise<OnboardingLinkState> {
  const id = hashOf(token);
  const link = await OnboardingLinkModel.findById(id).lean();
  if (!link) return { state: 'unknown' };
  if (await OnboardingUseModel.exists({ _id: id })) return { state: 'used' };
  if (link.expiresAt <= now) return { state: 'expired' };
  return { state: 'valid', orgId: link.orgId, expiresAt: link.expiresAt };
}

const insertUse = insertUnique<{ _id: string; orgId: string; usedAt: Date }>(OnboardingUseModel);

/** Uses the link up; false when another submission used it first. */
export async function useOnboardingLink(token: string, orgId: string, now = new Date()): Promise<boolean> {
  return insertUse({ _id: hashOf(token), orgId, usedAt: now });
}

/** Gives a link back after the work it was used for failed, so that the admin can submit again. */
export async function releaseOnboardingLink(token: string): Promise<void> {
  await OnboardingUseModel.deleteOne({ _id: hashOf(token) });
}
