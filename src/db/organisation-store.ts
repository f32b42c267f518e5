import { fiscalYearOf } from '../domain/fiscal-year.js';
import { parseDigestChoice } from '../domain/notice-timing.js';
import { NO_OWN_SETTINGS, type OrganisationChannel, type TimeOfDay, type OrganisationFields, type OrganisationProfile, type OrganisationSettings, type OrganisationSummary } from '../domain/organisation.js';
import type { Sealer } from '../security/crypto.js';
import { OrganisationModel } from './models/organisation.js';

/** The organisation as described so far; null before it is first used. */
export async function findOrganisation(orgId: string): Promise<OrganisationProfile | null> {
  const org = await OrganisationModel.findById(orgId).lean();
  if (!org) return null;
  return { name: org.name, district: org.district ?? '', province: org.province ?? '', fiscalYear: org.fiscalYear, itaScore: org.itaScore ?? null, itaLevel: org.itaLevel ?? null };
}

/** Creates the organisation on first use, so a new deployment works before anyone has described it. */
export async function ensureOrganisation(orgId: string, now = new Date()) {
  const existing = await OrganisationModel.findById(orgId).lean();
  if (existing) return existing;
  try {
    await OrganisationModel.create({ _id: orgId, name: orgId, fiscalYear: fiscalYearOf(now) });
  } catch (error) {
    if ((error as { code?: number }).code !== 11000) throw error;
  }
  return (await OrganisationModel.findById(orgId).lean())!;
}

export async function updateOrganisation(orgId: string, fields: OrganisationFields) {
  await ensureOrganisation(orgId);
  const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  await OrganisationModel.updateOne({ _id: orgId }, { $set: set });
  if (fields.fiscalYear !== undefined) for (const listener of yearListeners) listener(orgId, fields.fiscalYear);
  return (await OrganisationModel.findById(orgId).lean())!;
}

type YearListener = (orgId: string, fiscalYear: number) => void;
const yearListeners = new Set<YearListener>();

/**
 * Tells `listener` when this process sets an organisation's active year (a plan import, `cli org update`),
 * so that the tenant directory, which keeps the years in memory, sees the change at once; other processes
 * read it again within a few seconds (tenants/directory.ts). Returns the way to stop listening.
 */
export function onActiveYearSet(listener: YearListener): () => void {
  yearListeners.add(listener);
  return () => yearListeners.delete(listener);
}

/** The fiscal year whose plan officers report on: set by the latest plan import or by `cli org`. */
export async function activeFiscalYear(orgId: string): Promise<number> {
  return (await ensureOrganisation(orgId)).fiscalYear;
}

/** The supporting factors (ปัจจัยสนับสนุน) the operator wrote for a fiscal year's plan report; [] when none. */
export async function supportingFactorsOf(orgId: string, fiscalYear: number): Promise<string[]> {
  const org = await OrganisationModel.findById(orgId, { supportingFactors: 1 }).lean();
  const factors = (org?.supportingFactors as Record<string, string[]> | Map<string, string[]> | undefined) ?? {};
  return (factors instanceof Map ? factors.get(String(fiscalYear)) : factors[String(fiscalYear)]) ?? [];
}

/** Replaces a fiscal year's supporting factors; other years keep theirs. */
export async function setSupportingFactors(orgId: string, fiscalYear: number, factors: string[]): Promise<void> {
  await ensureOrganisation(orgId);
  const kept = factors.map((f) => f.trim()).filter(Boolean);
  await OrganisationModel.updateOne({ _id: orgId }, { $set: { [`supportingFactors.${fiscalYear}`]: kept } });
}

export interface ChannelFields {
  botUserId: string;
  channelId?: string;
  secret: string;
  accessToken: string;
}

const isDuplicate = (error: unknown) => (error as { code?: number }).code === 11000;

/** Adds an organisation with its LINE channel; false when the code is taken. */
export async function addOrganisation(
  orgId: string,
  { profile, channel, sealer, now = new Date() }: { profile: OrganisationFields & { name: string }; channel: ChannelFields | null; sealer: Sealer; now?: Date },
): Promise<boolean> {
  try {
    await OrganisationModel.create({ _id: orgId, fiscalYear: fiscalYearOf(now), ...definedOnly(profile), active: true, channel: channel ? sealChannel(channel, sealer) : null });
    return true;
  } catch (error) {
    if (isDuplicate(error)) return false;
    throw error;
  }
}

/** Replaces an organisation's channel (a new token, a re-created channel); false when there is no such organisation. */
export async function setChannel(orgId: string, channel: ChannelFields, sealer: Sealer): Promise<boolean> {
  const result = await OrganisationModel.updateOne({ _id: orgId }, { $set: { channel: sealChannel(channel, sealer) } });
  return result.matchedCount > 0;
}

export async function setActive(orgId: string, active: boolean): Promise<boolean> {
  const result = await OrganisationModel.updateOne({ _id: orgId }, { $set: { active } });
  return result.matchedCount > 0;
}

/** Every organisation, for operators; no secret leaves this function. */
export async function listOrganisations(): Promise<OrganisationSummary[]> {
  const docs = await OrganisationModel.find({}, { name: 1, district: 1, province: 1, active: 1, 'channel.botUserId': 1, 'channel.channelId': 1, 'settings.jobTimes': 1, 'settings.digits': 1 }).sort({ _id: 1 }).lean();
  return docs.map((d) => ({
    orgId: d._id,
    name: d.name,
    district: d.district ?? '',
    province: d.province ?? '',
    active: d.active !== false,
    botUserId: d.channel?.botUserId ?? null,
    channelId: d.channel?.channelId || null,
    jobTimes: toSettings(d.settings as StoredSettings).jobTimes,
    digits: toSettings(d.settings as StoredSettings).digits,
  }));
}

/** The channels of active organisations, opened: what the webhook and the senders need. */
export async function activeChannels(sealer: Sealer): Promise<OrganisationChannel[]> {
  const docs = await OrganisationModel.find({ active: true }, { channel: 1 }).lean();
  return docs.flatMap((d) =>
    d.channel
      ? [{ orgId: d._id, botUserId: d.channel.botUserId, channelId: d.channel.channelId ?? '', secret: sealer.open(d.channel.secretSealed), accessToken: sealer.open(d.channel.tokenSealed) }]
      : [],
  );
}

/** Codes of the organisations an operator disabled (`org disable`), the default one included. */
export async function disabledOrganisationIds(): Promise<string[]> {
  const docs = await OrganisationModel.find({ active: false }, { _id: 1 }).lean();
  return docs.map((d) => d._id);
}

/** Codes of the organisations that scheduled jobs run for. */
export async function activeOrganisationIds(): Promise<string[]> {
  const docs = await OrganisationModel.find({ active: true }, { _id: 1 }).sort({ _id: 1 }).lean();
  return docs.map((d) => d._id);
}

function sealChannel(channel: ChannelFields, sealer: Sealer) {
  return { botUserId: channel.botUserId, channelId: channel.channelId ?? '', secretSealed: sealer.seal(channel.secret), tokenSealed: sealer.seal(channel.accessToken) };
}

function definedOnly<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;
}

type StoredSettings =
  | {
      thresholds?: { label: string; min: number }[] | null;
      roundReminderDaysBefore?: number[] | null;
      oitReminderDaysBefore?: number[] | null;
      jobTimes?: { job: string; at: string }[] | null;
      digits?: string | null;
      complaintCategories?: string[] | null;
      digestTime?: string | null;
    }
  | null
  | undefined;
const nonEmpty = <T>(list: T[] | null | undefined): T[] | null => (list && list.length > 0 ? [...list] : null);
const toSettings = (s: StoredSettings): OrganisationSettings =>
  s
    ? {
        thresholds: nonEmpty(s.thresholds)?.map((t) => ({ label: t.label, min: t.min })) ?? null,
        roundReminderDaysBefore: nonEmpty(s.roundReminderDaysBefore),
        oitReminderDaysBefore: nonEmpty(s.oitReminderDaysBefore),
        jobTimes: s.jobTimes && s.jobTimes.length > 0 ? Object.fromEntries(s.jobTimes.map((t) => [t.job, t.at])) : null,
        digits: s.digits === 'thai' || s.digits === 'arabic' ? s.digits : null,
        complaintCategories: nonEmpty(s.complaintCategories),
        digestTime: s.digestTime ? parseDigestChoice(s.digestTime) : null,
      }
    : NO_OWN_SETTINGS;

/** Every organisation's own settings in one read, asked for by organisation (none set: the defaults). */
export async function organisationSettings(): Promise<(orgId: string) => OrganisationSettings> {
  const byOrg = new Map((await OrganisationModel.find({}, { settings: 1 }).lean()).map((d) => [d._id, toSettings(d.settings as StoredSettings)]));
  return (orgId) => byOrg.get(orgId) ?? NO_OWN_SETTINGS;
}

/** One organisation's own settings (none set: the defaults). */
export async function ownSettingsOf(orgId: string): Promise<OrganisationSettings> {
  return toSettings((await OrganisationModel.findById(orgId, { settings: 1 }).lean())?.settings as StoredSettings);
}

/**
 * Sets an organisation's own settings; a field given as null goes back to the deployment's default. Job
 * times are set with `setJobTimes`.
 */
export async function setOrganisationSettings(orgId: string, changes: Partial<Omit<OrganisationSettings, 'jobTimes'>>): Promise<OrganisationSettings> {
  await ensureOrganisation(orgId);
  const set: Record<string, unknown> = {};
  const unset: Record<string, ''> = {};
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || key === 'jobTimes') continue;
    if (value === null) unset[`settings.${key}`] = '';
    else set[`settings.${key}`] = value;
  }
  if (Object.keys(set).length + Object.keys(unset).length > 0) {
    await OrganisationModel.updateOne({ _id: orgId }, { ...(Object.keys(set).length ? { $set: set } : {}), ...(Object.keys(unset).length ? { $unset: unset } : {}) });
  }
  return toSettings((await OrganisationModel.findById(orgId, { settings: 1 }).lean())?.settings as StoredSettings);
}

/**
 * Sets the times of day of some of an organisation's jobs (null: back to the deployment's time); its other
 * jobs keep theirs. A read and then a write: two operators changing the same organisation's times at the
 * same moment could lose one change, which the printed result shows.
 */
export async function setJobTimes(orgId: string, changes: Readonly<Record<string, TimeOfDay | null>>): Promise<OrganisationSettings> {
  await ensureOrganisation(orgId);
  const current = toSettings((await OrganisationModel.findById(orgId, { settings: 1 }).lean())?.settings as StoredSettings).jobTimes ?? {};
  const times = Object.entries({ ...current, ...changes })
    .filter((entry): entry is [string, TimeOfDay] => entry[1] !== null)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const update =
    times.length > 0
      ? { $set: { 'settings.jobTimes': times.map(([job, at]) => ({ job, at })), ownTimesOfDay: [...new Set(times.map(([, at]) => at))].sort() } }
      : { $unset: { 'settings.jobTimes': '', ownTimesOfDay: '' } };
  await OrganisationModel.updateOne({ _id: orgId }, update);
  return toSettings((await OrganisationModel.findById(orgId, { settings: 1 }).lean())?.settings as StoredSettings);
}

/**
 * The active organisations with a job of their own at one of these times of day (consecutive minutes), with
 * their settings: what the per-minute tick reads. One minute (the usual tick) is an indexed equality;
 * several (catching up after a start or a skipped minute) a range, which FerretDB checks after reading the
 * organisations once. On an array a range may also match an organisation with one time before the window
 * and another after it: the caller keeps the times in the window.
 */
export async function organisationsWithOwnTimes(times: readonly TimeOfDay[]): Promise<{ orgId: string; settings: OrganisationSettings }[]> {
  if (times.length === 0) return [];
  const docs = await OrganisationModel.find({ ownTimesOfDay: times.length === 1 ? times[0] : { $gte: times[0], $lte: times[times.length - 1] }, active: true }, { settings: 1 }).sort({ _id: 1 }).lean();
  return docs.map((d) => ({ orgId: d._id, settings: toSettings(d.settings as StoredSettings) }));
}
