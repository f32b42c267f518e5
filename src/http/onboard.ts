import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Response, type Router } from 'express';
import { onboardingLinkState } from '../db/onboarding-link-store.js';
import { channelFormatProblems, cleanChannelInput, ONBOARDING_TOKEN_PATTERN } from '../domain/onboarding.js';
import { completeOnboarding, type OnboardingDeps } from '../onboarding/complete-onboarding.js';
import { findOrganisation } from '../db/organisation-store.js';
import { formatProblemsTh, ONBOARD_CSS, onboardDonePage, onboardFormPage, onboardGonePage, REFUSAL_TH } from '../public/onboard-page.js';
import { ONBOARD_CSP } from './security-headers.js';

const assetsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/public/assets');
const FAILED_PAGE =
  '<!doctype html><html lang="th"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>เกิดข้อผิดพลาด</title></head><body><p>เกิดข้อผิดพลาด ยังไม่ได้บันทึก โปรดลองอีกครั้งในอีกสักครู่</p></body></html>';

export interface OnboardRouterDeps extends OnboardingDeps {
  /** The address LINE reaches the bot at, for the webhook URL the page tells the admin to set. */
  publicBaseUrl: () => string;
}

/**
 * GET and POST /onboard/<token>: the page where a new organisation's admin connects its LINE channel
 * (`completeOnboarding` does the work). The token is 256 random bits, so guessing one is hopeless however many
 * tries are made, and a wrong one costs one indexed read and no call to LINE: no rate limit is needed. Nothing
 * here is cached anywhere (no-store), and no page ever holds the channel secret or the access token.
 */
export function onboardRouter(deps: OnboardRouterDeps): Router {
  const router = express.Router();
  router.get(ONBOARD_CSS, (_req, res) => res.sendFile(resolve(assetsDir, 'onboard.css'), { maxAge: '1h' }));

  const send = (res: Response, status: number, html: string) => {
    res.status(status).set({ 'content-security-policy': ONBOARD_CSP, 'cache-control': 'no-store' }).type('html').send(html);
  };
  const gone = (res: Response, state: 'used' | 'expired' | 'unknown') => send(res, state === 'unknown' ? 404 : 410, onboardGonePage(state));

  router.get('/onboard/:token', async (req, res, next) => {
    try {
      const token = req.params.token;
      const link = ONBOARDING_TOKEN_PATTERN.test(token) ? await onboardingLinkState(token, deps.now()) : ({ state: 'unknown' } as const);
      if (link.state !== 'valid') return gone(res, link.state);
      const org = await findOrganisation(link.orgId);
      send(res, 200, onboardFormPage({ orgName: org?.name ?? link.orgId, action: `/onboard/${token}`, expiresAt: link.expiresAt }));
    } catch (error) {
      next(error);
    }
  });

  router.post('/onboard/:token', express.urlencoded({ extended: false, limit: '8kb', parameterLimit: 10 }), async (req, res) => {
    const token = req.params.token;
    if (!ONBOARDING_TOKEN_PATTERN.test(token)) return gone(res, 'unknown');
    const input = cleanChannelInput((req.body ?? {}) as Record<string, unknown>);
    try {
      const outcome = await completeOnboarding(deps, token, input);
      if (outcome.result === 'done') {
        send(res, 200, onboardDonePage({ ...outcome, webhookUrl: `${deps.publicBaseUrl()}/webhook` }));
        return;
      }
      if (outcome.result === 'used' || outcome.result === 'expired' || outcome.result === 'unknown') return gone(res, outcome.result);
      const link = await onboardingLinkState(token, deps.now());
      if (link.state !== 'valid') return gone(res, link.state);
      const org = await findOrganisation(link.orgId);
      const problems = outcome.result === 'invalid' ? formatProblemsTh(outcome.fields) : [REFUSAL_TH[outcome.result]];
      // The two values that are no secret are kept, and only when they look like what they should be (not a secret
      // pasted into the wrong box); the secret and the token are typed again.
      const wrong = new Set(channelFormatProblems(input));
      const kept = { botUserId: wrong.has('botUserId') ? '' : input.botUserId, channelId: wrong.has('channelId') ? '' : input.channelId };
      send(res, 422, onboardFormPage({ orgName: org?.name ?? link.orgId, action: `/onboard/${token}`, expiresAt: link.expiresAt, kept, problems }));
    } catch (error) {
      deps.log.error({ err: error }, 'onboarding failed');
      send(res, 500, FAILED_PAGE);
    }
  });
  return router;
}
