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
}

/**
 * What an organisation may set for itself instead of the deployment's defaults (the environment): the level
 * thresholds of its summaries and reports, and the days before a round's or the OIT deadline on which its
 * people are reminded. Null: the deployment's default. (Its own days off are in the holiday calendar.)
 */
export interface OrganisationSettings {
  thresholds: Threshold[] | null;
  roundReminderDaysBefore: number[] | null;
  oitReminderDaysBefore: number[] | null;
}

export const NO_OWN_SETTINGS: OrganisationSettings = { thresholds: null, roundReminderDaysBefore: null, oitReminderDaysBefore: null };
