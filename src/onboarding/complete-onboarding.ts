import type { Config } from '../config.js';
import { recordAudit } from '../db/admin-audit-store.js';
import { createInvite } from '../db/invite-store.js';
import { onboardingLinkState, releaseOnboardingLink, useOnboardingLink } from '../db/onboarding-link-store.js';
import { findOrganisation } from '../db/organisation-store.js';
import { listStaff } from '../db/staff-store.js';
import { ONBOARDING_ACTOR } from '../domain/admin-audit.js';
import { channelFormatProblems, type ChannelField, type ChannelInput } from '../domain/onboarding.js';
import { ROLE_TH } from '../domain/roles.js';
import { formatThaiDateTime } from '../domain/thai.js';
import { botInfoOf } from '../line/bot-info.js';
import { createLineClient } from '../line/client.js';
import type { Logger } from '../log.js';
import { installRichMenus } from '../menus/install-rich-menus.js';
import { SHIPPED_RICH_MENU_DIR } from '../menus/reinstall-changed-menus.js';
import type { Sealer } from '../security/crypto.js';
import { connectChannel } from './organisation-changes.js';

/** How long the first admin's registration code works: the same as an operator's invite. */
const FIRST_ADMIN_INVITE_HOURS = 72;

export interface OnboardingDeps {
  config: Pick<Config, 'LINE_API_BASE_URL' | 'LINE_DATA_API_BASE_URL' | 'LINE_REQUEST_TIMEOUT_MS' | 'PUBLIC_BASE_URL'>;
  sealer: Sealer;
  log: Logger;
  now: () => Date;
  richMenuDir?: string;
  /** Tells the running app about the new channel at once, rather than at its next read of the channels. */
  channelsChanged?: () => Promise<void>;
}

export type OnboardingOutcome =
  /** `invite` is null when the organisation already has an admin (the link changed its channel): no new admin code then. */
  | { result: 'done'; orgName: string; botName: string; invite: { code: string; expiresAt: Date } | null; menusInstalled: boolean }
  | { result: 'invalid'; fields: ChannelField[] }
  /** The access token was refused, the bot user id is another bot's, the bot is another organisation's, or LINE did not answer. */
  | { result: 'token-refused' | 'bot-mismatch' | 'bot-taken' | 'line-unreachable' }
  | { result: 'used' | 'expired' | 'unknown' };

/**
 * The onboarding page's one step: checks the channel's values (their formats, then with LINE: the access token
 * must belong to the bot user id given, if one is), and only then uses the link up, seals and saves the channel, installs the rich
 * menus on it and issues the first admin's registration code. Whatever is refused saves nothing and leaves the
 * link usable; so does a failure to save (the link is given back).
 */
export async function completeOnboarding(deps: OnboardingDeps, token: string, input: ChannelInput): Promise<OnboardingOutcome> {
  const link = await onboardingLinkState(token, deps.now());
  if (link.state !== 'valid') return { result: link.state };
  const fields = channelFormatProblems(input);
  if (fields.length > 0) return { result: 'invalid', fields };
  const bot = await botInfoOf(deps.config, input.accessToken);
  if (bot.result === 'token-refused') return { result: 'token-refused' };
  if (bot.result === 'unreachable') return { result: 'line-unreachable' };
  if (input.botUserId !== '' && bot.userId !== input.botUserId) return { result: 'bot-mismatch' };
  const botUserId = bot.userId;

  const { orgId } = link;
  if (!(await useOnboardingLink(token, orgId, deps.now()))) return { result: 'used' };
  let invite: { code: string; expiresAt: Date } | null = null;
  try {
    const channel = { botUserId, channelId: input.channelId || undefined, secret: input.channelSecret, accessToken: input.accessToken };
    const saved = await connectChannel(orgId, channel, { sealer: deps.sealer, actor: ONBOARDING_ACTOR, botName: bot.displayName, now: deps.now() });
    if (saved !== 'saved') {
      await releaseOnboardingLink(token);
      return saved === 'bot-taken' ? { result: 'bot-taken' } : { result: 'unknown' };
    }
    if (!(await hasAdmin(orgId))) {
      invite = await createInvite({ orgId, roles: ['admin'], unit: null, position: null, validHours: FIRST_ADMIN_INVITE_HOURS, now: deps.now() });
      await recordAudit(orgId, { action: 'staff.invite', actor: ONBOARDING_ACTOR, subject: 'ผู้ดูแลคนแรก', before: '', after: `รหัสเชิญ บทบาท${ROLE_TH.admin} ใช้ได้ถึง ${formatThaiDateTime(invite.expiresAt)}` }, deps.now());
    }
  } catch (error) {
    await releaseOnboardingLink(token).catch(() => undefined);
    throw error;
  }
  await deps.channelsChanged?.().catch((error: unknown) => deps.log.warn({ orgId, err: error }, 'reading the channels after onboarding failed'));
  const menusInstalled = await installMenus(deps, orgId, input.accessToken);
  deps.log.info({ orgId, botUserId, menusInstalled }, 'organisation onboarded: channel saved, first admin invited');
  return { result: 'done', orgName: (await findOrganisation(orgId))?.name ?? orgId, botName: bot.displayName, invite, menusInstalled };
}

/** Whether someone already holds the admin role: a link that changes the channel then issues no admin code. */
async function hasAdmin(orgId: string): Promise<boolean> {
  return (await listStaff(orgId)).some((person) => person.active && person.roles.includes('admin'));
}

/**
 * The rich menus on the new channel. A failure here does not undo the onboarding: every command can be typed, and
 * `cli rich-menu` (or the operator's next attempt) installs them later; the page says so.
 */
async function installMenus(deps: OnboardingDeps, orgId: string, accessToken: string): Promise<boolean> {
  const config = { ...deps.config, LINE_CHANNEL_ACCESS_TOKEN: accessToken };
  try {
    await installRichMenus({ orgId, config, line: createLineClient(config), log: deps.log }, deps.richMenuDir ?? SHIPPED_RICH_MENU_DIR, deps.now());
    return true;
  } catch (error) {
    deps.log.warn({ orgId, err: error }, 'rich menus not installed on the new channel');
    return false;
  }
}
