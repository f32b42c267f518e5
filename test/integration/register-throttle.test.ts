import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegisterFailureModel } from '../../src/db/models/invite.js';
import { pruneRegistrationFailures, recordRegistrationFailure, registrationWaitMinutes } from '../../src/db/register-throttle-store.js';
import { connectTestDatabase } from '../support/harness.js';

let db: Awaited<ReturnType<typeof connectTestDatabase>>;
beforeAll(async () => {
  db = await connectTestDatabase();
});
afterAll(async () => db?.close());

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 9, minute, 0));

describe('registration throttle store', () => {
  it('counts wrong codes in a sliding 10-minute window and says how long to wait', async () => {
    for (const minute of [0, 2, 4, 6]) await recordRegistrationFailure('o1', 'uk_a', at(minute));
    expect(await registrationWaitMinutes('o1', 'uk_a', at(7))).toBe(0);
    await recordRegistrationFailure('o1', 'uk_a', at(8));
    // Five within ten minutes: the first leaves the window at 9:10.
    expect(await registrationWaitMinutes('o1', 'uk_a', at(8))).toBe(2);
    expect(await registrationWaitMinutes('o1', 'uk_a', at(9))).toBe(1);
    expect(await registrationWaitMinutes('o1', 'uk_a', at(10))).toBe(0);
    // Per account and per organisation.
    expect(await registrationWaitMinutes('o1', 'uk_b', at(8))).toBe(0);
    expect(await registrationWaitMinutes('o2', 'uk_a', at(8))).toBe(0);
  });

  it('forgets attempts that no longer count', async () => {
    await recordRegistrationFailure('o1', 'uk_c', at(0));
    await recordRegistrationFailure('o1', 'uk_c', at(30));
    expect(await RegisterFailureModel.countDocuments({ userKey: 'uk_c' })).toBe(1);
    await pruneRegistrationFailures(at(59));
    expect(await RegisterFailureModel.countDocuments({ orgId: 'o1' })).toBe(0);
  });
});
