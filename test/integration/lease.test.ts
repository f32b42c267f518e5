import { addSeconds } from 'date-fns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimAttempt, dueEvents, eventState, loadEvent, markDone, markFailed, storeEvents } from '../../src/db/event-store.js';
import { abandonedRuns, claimRun, takeOverRun } from '../../src/db/job-run-store.js';
import { addToOutbox, claimSendAttempt, loadOutboxMessage } from '../../src/db/outbox-store.js';
import { connectTestDatabase, testSealer } from '../support/harness.js';

const ORG = 'lease-org';
const LEASE = 60;
const T0 = new Date('2026-01-05T03:00:00Z');

let db: Awaited<ReturnType<typeof connectTestDatabase>>;
beforeAll(async () => {
  db = await connectTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

async function outboxMessage(id: string): Promise<void> {
  await addToOutbox({ id, orgId: ORG, source: 'lease-test', toSealed: testSealer.seal('["U1"]'), recipients: 1, messagesSealed: testSealer.seal('[]'), retryKey: id, createdAt: T0 });
}

describe('claiming a send attempt (one insert per attempt, unbatched)', () => {
  it('of several instances claiming the same attempt at once, exactly one wins', async () => {
    await outboxMessage('m-race');
    const won = await Promise.all(['a', 'b', 'c', 'd'].map((owner) => claimSendAttempt({ messageId: 'm-race', attempt: 1, owner, now: T0, leaseSeconds: LEASE })));
    expect(won.filter(Boolean)).toHaveLength(1);
  });

  it('a claim whose holder never recorded it moves the message on only once the lease has passed', async () => {
    await outboxMessage('m-stale');
    expect(await claimSendAttempt({ messageId: 'm-stale', attempt: 1, owner: 'dies', now: T0, leaseSeconds: LEASE })).toBe(true);

    expect(await claimSendAttempt({ messageId: 'm-stale', attempt: 1, owner: 'other', now: addSeconds(T0, LEASE - 1), leaseSeconds: LEASE })).toBe(false);
    expect((await loadOutboxMessage('m-stale'))?.attempts).toBe(0);

    expect(await claimSendAttempt({ messageId: 'm-stale', attempt: 1, owner: 'other', now: addSeconds(T0, LEASE + 1), leaseSeconds: LEASE })).toBe(false);
    expect((await loadOutboxMessage('m-stale'))?.attempts).toBe(1);
    expect(await claimSendAttempt({ messageId: 'm-stale', attempt: 2, owner: 'other', now: addSeconds(T0, LEASE + 1), leaseSeconds: LEASE })).toBe(true);
  });
});

describe('claiming an event attempt (group-committed inserts)', () => {
  const event = (id: string) => ({ webhookEventId: id, type: 'follow', timestamp: T0.getTime(), source: { type: 'user', userId: 'U-lease' } });

  it('of claims of the same attempt in one batch, exactly one wins', async () => {
    await storeEvents(ORG, { events: [event('e-race')], now: T0, sealer: testSealer });
    const won = await Promise.all(['a', 'b', 'c'].map((owner) => claimAttempt({ eventId: 'e-race', attempt: 1, owner, now: T0, leaseSeconds: LEASE })));
    expect(won.filter(Boolean)).toHaveLength(1);
  });

  it('an expired claim moves the event on, so the next sweep claims the attempt after', async () => {
    await storeEvents(ORG, { events: [event('e-stale')], now: T0, sealer: testSealer });
    expect(await claimAttempt({ eventId: 'e-stale', attempt: 1, owner: 'dies', now: T0, leaseSeconds: LEASE })).toBe(true);
    expect(await claimAttempt({ eventId: 'e-stale', attempt: 1, owner: 'other', now: addSeconds(T0, LEASE - 1), leaseSeconds: LEASE })).toBe(false);
    expect((await loadEvent('e-stale'))?.attempts).toBe(0);
    expect(await claimAttempt({ eventId: 'e-stale', attempt: 1, owner: 'other', now: addSeconds(T0, LEASE + 1), leaseSeconds: LEASE })).toBe(false);
    expect((await loadEvent('e-stale'))?.attempts).toBe(1);
    expect(await claimAttempt({ eventId: 'e-stale', attempt: 2, owner: 'other', now: addSeconds(T0, LEASE + 1), leaseSeconds: LEASE })).toBe(true);
  });

  it('an attempt that lost its lease and fails after the next one finished the event does not bring it back', async () => {
    await storeEvents(ORG, { events: [event('e-late')], now: T0, sealer: testSealer });
    expect(await claimAttempt({ eventId: 'e-late', attempt: 1, owner: 'slow', now: T0, leaseSeconds: LEASE })).toBe(true);
    const later = addSeconds(T0, LEASE + 1);
    expect(await claimAttempt({ eventId: 'e-late', attempt: 1, owner: 'other', now: later, leaseSeconds: LEASE })).toBe(false);
    expect(await claimAttempt({ eventId: 'e-late', attempt: 2, owner: 'other', now: later, leaseSeconds: LEASE })).toBe(true);
    await markDone('e-late', 'other', later);
    await markFailed({ eventId: 'e-late', attempt: 1, error: 'LINE 500', nextAttemptAt: later, state: 'pending' });
    expect(await eventState('e-late')).toBe('done');
    expect((await dueEvents(addSeconds(later, 1), 100)).map((e) => e._id)).not.toContain('e-late');
    // A redelivery of it is not stored as new.
    expect((await storeEvents(ORG, { events: [event('e-late')], now: later, sealer: testSealer })).fresh).toEqual([]);
  });
});

describe('taking over an abandoned job run', () => {
  it('of instances taking over the same run at once, exactly one holds it for a new lease', async () => {
    const run = { orgId: ORG, job: 'follow-up', period: '2026-01', asOf: T0, trigger: 'schedule' as const, owner: 'dies', startedAt: T0, leaseUntil: addSeconds(T0, LEASE) };
    const started = await Promise.all([claimRun({ id: 'run-1', ...run }), claimRun({ id: 'run-1', ...run, owner: 'other' })]);
    expect(started.filter(Boolean)).toHaveLength(1);

    const later = addSeconds(T0, LEASE + 1);
    expect((await abandonedRuns(ORG, later)).map((r) => r.id)).toEqual(['run-1']);
    const won = await Promise.all(['a', 'b', 'c'].map((owner) => takeOverRun({ id: 'run-1', takeover: 1, owner, now: later, leaseUntil: addSeconds(later, LEASE) })));
    expect(won.filter(Boolean)).toHaveLength(1);
    expect(await abandonedRuns(ORG, later)).toEqual([]);
    expect((await abandonedRuns(ORG, addSeconds(later, LEASE + 1)))[0]?.takeovers).toBe(1);
  });
});
