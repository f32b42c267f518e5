import { recordAudit } from '../db/admin-audit-store.js';
import { addOrganisation, listOrganisations, setChannel, type ChannelFields } from '../db/organisation-store.js';
import type { AuditActor } from '../domain/admin-audit.js';
import type { OrganisationFields } from '../domain/organisation.js';
import type { Sealer } from '../security/crypto.js';

/**
 * Adding an organisation and setting its LINE channel, the one way the CLI (`org add`, `org update --bot-user-id …`)
 * and the onboarding page both do it: the change and its line in the management log. Neither the secret nor the
 * access token ever reaches the log: a channel is named by its bot user id.
 */

/** How the log names a channel. */
const channelText = (channel: { botUserId: string; channelId?: string | null } | null, botName?: string): string =>
  channel ? `ช่อง LINE ${botName ? `${botName} ` : ''}(${channel.botUserId}${channel.channelId ? ` · Channel ID ${channel.channelId}` : ''})` : 'ยังไม่มีช่อง LINE';

/** Adds the organisation (with its channel, if given); false when the code is taken, and then nothing is logged. */
export async function addOrganisationLogged(
  orgId: string,
  input: { profile: OrganisationFields & { name: string }; channel: ChannelFields | null; sealer: Sealer; actor: AuditActor; now?: Date },
): Promise<boolean> {
  if (!(await addOrganisation(orgId, input))) return false;
  const where = [input.profile.district && `อำเภอ${input.profile.district}`, input.profile.province && `จังหวัด${input.profile.province}`].filter(Boolean).join(' ');
  await recordAudit(orgId, { action: 'organisation.add', actor: input.actor, subject: input.profile.name, before: '', after: `${input.profile.name} (รหัส ${orgId})${where ? ` ${where}` : ''} · ${channelText(input.channel)}` }, input.now);
  return true;
}

/** The bot user id of the organisation's stored channel (null: none), or undefined when there is no such organisation. */
async function currentChannels(): Promise<Map<string, string | null>> {
  return new Map((await listOrganisations()).map((o) => [o.orgId, o.botUserId]));
}

export type ConnectResult = 'saved' | 'no-organisation' | 'bot-taken';

/**
 * Seals and saves the organisation's channel in place of any earlier one. A bot another organisation already
 * uses is refused: its webhooks could not tell the two apart.
 */
export async function connectChannel(
  orgId: string,
  channel: ChannelFields,
  { sealer, actor, botName, now }: { sealer: Sealer; actor: AuditActor; botName?: string; now?: Date },
): Promise<ConnectResult> {
  const channels = await currentChannels();
  if (!channels.has(orgId)) return 'no-organisation';
  if ([...channels].some(([other, bot]) => other !== orgId && bot === channel.botUserId)) return 'bot-taken';
  const before = channels.get(orgId) ?? null;
  if (!(await setChannel(orgId, channel, sealer))) return 'no-organisation';
  await recordAudit(orgId, { action: 'organisation.channel', actor, subject: 'ช่อง LINE', before: before ? channelText({ botUserId: before }) : 'ยังไม่มีช่อง LINE', after: channelText(channel, botName) }, now);
  return 'saved';
}
