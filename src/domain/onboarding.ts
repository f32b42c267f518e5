/**
 * A new organisation's one operator step: `cli org add` gives an onboarding link, and the organisation's own
 * admin opens it on a phone and pastes its LINE channel's values (http/onboard.ts). This module holds what those
 * values must look like and how long a link lives.
 */

/**
 * How long an onboarding link can be used after it is issued. Long enough to reach the person with the LINE
 * Developers login (often a colleague, over a weekend); short enough that a link forwarded by mistake soon
 * stops working. `cli org onboard-link <code>` issues a new one (and retires the old) at any time.
 */
export const ONBOARDING_LINK_HOURS = 72;

/** What the admin pastes, as typed (surrounding spaces, a line break from copying are removed). */
export interface ChannelInput {
  botUserId: string;
  channelSecret: string;
  accessToken: string;
  channelId: string;
}

export type ChannelField = keyof ChannelInput;

/** LINE's formats: a bot's user id, a channel secret (32 hex digits), a channel id (10 digits), an access token. */
const PATTERNS: Record<ChannelField, RegExp> = {
  botUserId: /^U[0-9a-f]{32}$/,
  channelSecret: /^[0-9a-f]{32}$/,
  accessToken: /^[A-Za-z0-9+/=._-]{20,1000}$/,
  channelId: /^\d{6,20}$/,
};

/** Why a value is refused, in the page's words. */
export const FORMAT_PROBLEM_TH: Record<ChannelField, string> = {
  botUserId: 'Bot user ID ต้องขึ้นต้นด้วยตัว U ตามด้วยตัวเลขและตัวอักษร a–f อีก 32 ตัว หรือเว้นว่างไว้',
  channelSecret: 'Channel secret ต้องเป็นตัวเลขและตัวอักษร a–f จำนวน 32 ตัว',
  accessToken: 'Channel access token ไม่ถูกรูปแบบ โปรดคัดลอกมาทั้งข้อความโดยไม่มีช่องว่าง',
  channelId: 'Channel ID ต้องเป็นตัวเลข (มักยาว 10 หลัก) หรือเว้นว่างไว้',
};

/** The values without the spaces and line breaks copying adds; all four are single words. */
export function cleanChannelInput(raw: Partial<Record<ChannelField, unknown>>): ChannelInput {
  const clean = (v: unknown) => (typeof v === 'string' ? v.replace(/\s+/g, '') : '');
  return { botUserId: clean(raw.botUserId), channelSecret: clean(raw.channelSecret), accessToken: clean(raw.accessToken), channelId: clean(raw.channelId) };
}

/**
 * The fields that may be left empty. LINE Developers shows no bot user id (its "Your user ID" is the developer's
 * own), so the page reads it from LINE with the access token; one given is checked against that.
 */
const OPTIONAL: readonly ChannelField[] = ['channelId', 'botUserId'];

/** The fields whose value does not fit LINE's format; the optional ones may be left empty. */
export function channelFormatProblems(input: ChannelInput): ChannelField[] {
  return (Object.keys(PATTERNS) as ChannelField[]).filter((field) => !(OPTIONAL.includes(field) && input[field] === '') && !PATTERNS[field].test(input[field]));
}

/** An onboarding link's token: 32 random bytes, base64url. Anything else in the path is not looked up. */
export const ONBOARDING_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
