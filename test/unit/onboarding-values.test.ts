import { describe, expect, it } from 'vitest';
import { channelFormatProblems, cleanChannelInput } from '../../src/domain/onboarding.js';

const GOOD = { botUserId: `U${'0f'.repeat(16)}`, channelSecret: 'ab'.repeat(16), accessToken: 'aBc123+/=.-_'.repeat(10), channelId: '' };

describe("an onboarding page's channel values", () => {
  it('takes what LINE Developers shows, copied with spaces or a line break around or inside it', () => {
    const pasted = cleanChannelInput({ botUserId: ` ${GOOD.botUserId}\n`, channelSecret: `${GOOD.channelSecret.slice(0, 10)} ${GOOD.channelSecret.slice(10)}`, accessToken: `\t${GOOD.accessToken}`, channelId: ' 1657000000 ' });
    expect(pasted).toEqual({ ...GOOD, channelId: '1657000000' });
    expect(channelFormatProblems(pasted)).toEqual([]);
    expect(channelFormatProblems(GOOD)).toEqual([]);
  });

  it('names each value that cannot be what it claims, before LINE is asked', () => {
    expect(channelFormatProblems({ botUserId: 'U123', channelSecret: 'not-hex-not-hex-not-hex-not-hex!', accessToken: 'short', channelId: '16570x' })).toEqual(['botUserId', 'channelSecret', 'accessToken', 'channelId']);
    // The secret in the bot user id's box, the token in the secret's: both refused.
    expect(channelFormatProblems({ ...GOOD, botUserId: GOOD.channelSecret, channelSecret: GOOD.accessToken })).toEqual(['botUserId', 'channelSecret']);
    // Anything that is not text (a repeated form field arrives as a list) is empty, hence refused where a value is needed.
    expect(channelFormatProblems(cleanChannelInput({ botUserId: GOOD.botUserId, channelSecret: [GOOD.channelSecret, GOOD.channelSecret], accessToken: GOOD.accessToken }))).toEqual(['channelSecret']);
  });

  it('lets the bot user id be left empty (LINE Developers does not show it: the page reads it from LINE), but not be wrong', () => {
    expect(channelFormatProblems({ ...GOOD, botUserId: '' })).toEqual([]);
    expect(channelFormatProblems({ ...GOOD, botUserId: 'U123' })).toEqual(['botUserId']);
  });
});
