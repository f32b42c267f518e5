import type { DigitStyle } from './figures.js';
import type { Threshold } from './summary.js';

/** How an organisation is named on its official reports, and its current fiscal year and ITA result. */
export interface OrganisationProfile {
  name: string;
  district: string;
  province: string;
  /** B.E., e.g. 2568. */
  fiscalYear: number;
  itaScore: number | null;
  itaLevel: string | null;
}

/** What an operator may set of it; anything left out stays as it is. */
export type OrganisationFields = Partial<OrganisationProfile>;

/** Organisation codes name tenants in URLs, tracking numbers' scope and every stored document. */
export const ORG_CODE_PATTERN = /^[a-z0-9-]{1,40}$/;

/** An organisation's LINE channel, opened (secret and token in the clear): held in memory only. */
export interface OrganisationChannel {
  orgId: string;
  /** The bot's user id: what LINE sends as a webhook's `destination`. */
  botUserId: string;
  channelId: string;
  secret: string;
  accessToken: string;
}

/** One line of `cli org list`: what an operator may see (never the secret or the token). */
export interface OrganisationSummary {
  orgId: string;
  name: string;
  district: string;
  province: string;
  active: boolean;
  botUserId: string | null;
  channelId: string | null;
  /** Its own times of day of jobs (OrganisationSettings.jobTimes). */
  jobTimes: Readonly<Record<string, TimeOfDay>> | null;
  /** Its digit style (OrganisationSettings.digits). */
  digits: DigitStyle | null;
}

/**
 * What an organisation may set for itself instead of the deployment's defaults (the environment): the level
 * thresholds of its summaries and reports, the days before a round's or the OIT deadline on which its
 * people are reminded, the time of day at which a scheduled job runs for it, its digit style and its complaint categories. Null: the deployment's
 * default. (Its own days off are in the holiday calendar.)
 */
export interface OrganisationSettings {
  thresholds: Threshold[] | null;
  roundReminderDaysBefore: number[] | null;
  oitReminderDaysBefore: number[] | null;
  /** Job name → Bangkok time of day ("10:00"); a job not named runs at the deployment's time. */
  jobTimes: Readonly<Record<string, TimeOfDay>> | null;
  /**
   * The digits of the bot's own figures in chat (null: Arabic) and in the official documents whose seeds
   * print Thai digits (null: as the seeds do). What people typed is never rewritten either way.
   */
  digits: DigitStyle | null;
  /** The categories its general complaints are filed under (quick-reply buttons); null: the deployment's. */
  complaintCategories: string[] | null;
  /** The Bangkok time of its daily digest of notices that may wait, or `off` (at once); null: the deployment's. */
  digestTime: DigestChoice | null;
}

export const NO_OWN_SETTINGS: OrganisationSettings = {
  thresholds: null,
  roundReminderDaysBefore: null,
  oitReminderDaysBefore: null,
  jobTimes: null,
  digits: null,
  complaintCategories: null,
  digestTime: null,
};

/**
 * An organisation's settings as one event or job run uses them: its own where it set them, the deployment's
 * otherwise. Resolved once (by the tenant directory, at each refresh of the organisations) and carried in the
 * chat context and the job runner's settings, rather than looked up and handed on by every layer.
 */
export interface OrgSettings {
  orgId: string;
  thresholds: Threshold[];
  /** Its choice, null when it made none: Arabic in chat, and in documents as their seeds print. */
  digits: DigitStyle | null;
  complaintCategories: readonly string[];
  dialogTimeoutMinutes: number;
  roundReminderDaysBefore: number[];
  oitReminderDaysBefore: number[];
  /** Job name → its own Bangkok time of day; a job not named runs at the deployment's time. */
  jobTimes: Readonly<Record<string, TimeOfDay>>;
  /** When its notices are first due: the deployment's merging window, its own digest time or the deployment's. */
  notices: NoticeTiming;
}

/** What the deployment (the environment) sets for every organisation. */
export type DeploymentSettings = Omit<OrgSettings, 'orgId' | 'digits' | 'jobTimes'>;

/** The settings an organisation may set for itself, as the deployment has them. */
interface OwnSettable {
  thresholds: Threshold[];
  roundReminderDaysBefore: number[];
  oitReminderDaysBefore?: number[];
  complaintCategories?: readonly string[];
  notices?: NoticeTiming;
}

/**
 * The one rule of an organisation's settings: what it set for itself, else the deployment's (`deployment`:
 * the environment's settings, or a job runner's, which carry more).
 */
export function resolveOrgSettings<D extends OwnSettable>(
  orgId: string,
  own: OrganisationSettings,
  deployment: D,
): Omit<D, 'orgId' | 'digits' | 'jobTimes'> & Pick<OrgSettings, 'orgId' | 'digits' | 'jobTimes'> {
  return {
    ...deployment,
    orgId,
    thresholds: own.thresholds ?? deployment.thresholds,
    roundReminderDaysBefore: own.roundReminderDaysBefore ?? deployment.roundReminderDaysBefore,
    oitReminderDaysBefore: own.oitReminderDaysBefore ?? deployment.oitReminderDaysBefore,
    ...(deployment.complaintCategories ? { complaintCategories: own.complaintCategories ?? deployment.complaintCategories } : {}),
    ...(deployment.notices ? { notices: { ...deployment.notices, digestTime: digestTimeOf(own.digestTime, deployment.notices.digestTime) } } : {}),
    digits: own.digits,
    jobTimes: own.jobTimes ?? {},
  };
}

/** A Bangkok time of day, "HH:MM" on the 24-hour clock, zero-padded so that times compare as strings. */
export type TimeOfDay = string;

/** "9:05" or "09:05" → "09:05"; null for anything that is not a real time of day ("24:00", "9.30", "10:60"). */
export function parseTimeOfDay(value: string): TimeOfDay | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, '0')}:${match[2]}`;
}

/** The times of day after `after` up to `upTo` included, a minute apart; `after` null: from 00:00 on. */
export function timesOfDayBetween(after: TimeOfDay | null, upTo: TimeOfDay): TimeOfDay[] {
  const minutes = (t: TimeOfDay) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  const times: TimeOfDay[] = [];
  for (let m = after === null ? 0 : minutes(after) + 1; m <= minutes(upTo); m++) {
    times.push(`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
  }
  return times;
}

/** The name of an อบต. or a เทศบาลตำบล carries its ตำบล; a เทศบาลเมือง/นคร's does not. */
const SUBDISTRICT_IN_NAME = /^(?:องค์การบริหารส่วนตำบล|อบต\.?|เทศบาลตำบล|ทต\.?)\s*(\S.*)$/;

/**
 * Where an organisation's places are: "ตำบลโพธิ์ทอง", "อำเภอโพธิ์ทอง", "จังหวัดอ่างทอง", each when known. A place
 * typed in words ("หน้าวัด") is searched on a map within them, not across the country.
 */
export function organisationArea(profile: Pick<OrganisationProfile, 'name' | 'district' | 'province'>): string[] {
  const clean = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
  const subdistrict = SUBDISTRICT_IN_NAME.exec(clean(profile.name))?.[1];
  const district = clean(profile.district).replace(/^(?:อำเภอ|อ\.)\s*/, '');
  const province = clean(profile.province).replace(/^(?:จังหวัด|จ\.)\s*/, '');
  return [
    subdistrict ? `ตำบล${subdistrict}` : '',
    // Bangkok has เขต, not อำเภอ, and is not a จังหวัด.
    district ? (district.startsWith('เขต') ? district : `อำเภอ${district}`) : '',
    province ? (province.startsWith('กรุงเทพ') ? province : `จังหวัด${province}`) : '',
  ].filter(Boolean);
}

/**
 * When a notice (not a job's message: those go at the job's time) is first due, as an organisation has it:
 * notices to the same people within `mergeSeconds` go as one push (outbox/merge.ts, NOTICE_MERGE_SECONDS, the
 * deployment's); a notice of a kind that may wait (`waitsForDigest`) is held until the organisation's daily
 * digest time, Bangkok (its own `digestTime`, else NOTICE_DIGEST_TIME), unless the digest is off (null).
 */
export interface NoticeTiming {
  mergeSeconds: number;
  digestTime: TimeOfDay | null;
}

/** What an organisation may choose for its digest besides a time: no digest, notices go at once. */
export const DIGEST_OFF = 'off';
export type DigestChoice = TimeOfDay | typeof DIGEST_OFF;

/** The organisation's own choice over the deployment's (`own` null: it made none). */
export function digestTimeOf(own: DigestChoice | null, deployment: TimeOfDay | null): TimeOfDay | null {
  if (own === null) return deployment;
  return own === DIGEST_OFF ? null : own;
}
