import { describe, expect, it } from 'vitest';
import { digestDaysLater, isGroupOrRoomId, isRequiredKind, kindOfOutgoing, MESSAGE_KIND_NAMES, messageKindThai, waitsForDigest } from '../../src/domain/message-kinds.js';

const run = (job: string, period = '2026-12') => `org-a:${job}:${period}`;

describe('what kind of message an outbox entry is', () => {
  it('reads the 15-day clock from the deadline job, whatever its part suffix', () => {
    const r = run('complaint-deadlines', '2026-12-03');
    expect(kindOfOutgoing(r, 'complaint:c1:reminder:r0:m0')).toBe('deadline-reminder');
    expect(kindOfOutgoing(r, 'complaint:c1:reminder:clock2:r0:m0')).toBe('deadline-reminder');
    expect(kindOfOutgoing(r, 'complaint:c1:explain-request:r0:m0')).toBe('deadline-escalation');
    expect(kindOfOutgoing(r, 'complaint:c1:escalated-not-fixed:2')).toBe('not-fixed-escalation');
    expect(kindOfOutgoing(r, 'complaint:escalations:org-a:2026-12-03:r0:m0')).toBe('deadline-escalation');
    expect(kindOfOutgoing(r, `${r}:group:gk1:overdue-general:r0:m0`)).toBe('executive-group');
  });

  it('tells a citizen\'s notices from the officers\' on a case', () => {
    expect(kindOfOutgoing('complaint:c1', 'complaint:c1:update:e9:r0:m0')).toBe('citizen-update');
    expect(kindOfOutgoing('complaint:c1', 'complaint:c1:photos:e9:r0:m0')).toBe('citizen-photos');
    expect(kindOfOutgoing('complaint:c1', 'complaint:c1:explained:e9:r0:m0')).toBe('citizen-deadline');
    expect(kindOfOutgoing('complaint:c1', 'complaint:c1:feedback:1:r0:m0')).toBe('case-feedback');
    for (const occasion of ['new', 'withdrawn', 'reopened:2', 'info:e3', 'not-fixed:2']) {
      expect(kindOfOutgoing('complaint:c1', `complaint:c1:${occasion}:r0:m0`)).toBe('complaint-notice');
    }
  });

  it('names each job\'s messages, and the executives\' group apart', () => {
    expect(kindOfOutgoing(run('follow-up'), `${run('follow-up')}:officer:U1:r0:m0`)).toBe('follow-up');
    expect(kindOfOutgoing(run('follow-up'), `${run('follow-up')}:group:gk:non-responders:r0:m0`)).toBe('executive-group');
    expect(kindOfOutgoing(run('monthly-summary'), `${run('monthly-summary')}:executives:r0:m0`)).toBe('monthly-summary');
    expect(kindOfOutgoing(run('monthly-summary'), `${run('monthly-summary')}:group:gk:summary:r0:m0`)).toBe('executive-group');
    expect(kindOfOutgoing(run('round-reminder'), `${run('round-reminder')}:officer:U1:r0:m0`)).toBe('round-reminder');
    expect(kindOfOutgoing(run('oit-reminder'), `${run('oit-reminder')}:reviewers:r0:m0`)).toBe('oit-reminder');
    expect(kindOfOutgoing(run('oit-url-check', '2026-12-03'), 'oit-url:i1:2026-12-01T02:00:00.000Z:r0:m0')).toBe('oit-link-broken');
    expect(kindOfOutgoing(run('rollup-summary'), `${run('rollup-summary')}:rollup:district:r0:m0`)).toBe('rollup-summary');
    expect(kindOfOutgoing('oit:i1', 'oit:i1:returned:ev1:r0:m0')).toBe('oit-returned');
    expect(kindOfOutgoing('dead-events', 'dead-events:org-a:2026-12-03:r0:m0')).toBe('fault-notice');
    expect(kindOfOutgoing('dead-events', 'event:ev1:given-up:r0:m0')).toBe('fault-notice');
    expect(kindOfOutgoing('something-new', 'x:r0:m0')).toBe('other');
  });

  it('marks as required exactly what a rule requires', () => {
    expect(MESSAGE_KIND_NAMES.filter(isRequiredKind).sort()).toEqual(['citizen-deadline', 'corruption-notice', 'deadline-escalation', 'deadline-reminder', 'late-answer', 'not-fixed-escalation']);
  });

  it('lets only notices a person can read later wait for their digest: never a required one, never a job\'s', () => {
    expect(MESSAGE_KIND_NAMES.filter(waitsForDigest).sort()).toEqual(['budget-warning', 'case-feedback', 'citizen-photos', 'citizen-update', 'complaint-notice', 'oit-returned']);
    // Only a rating, which asks nothing of its reader, waits past the next digest: a week.
    expect(MESSAGE_KIND_NAMES.filter((k) => digestDaysLater(k) > 0)).toEqual(['case-feedback']);
    for (const kind of MESSAGE_KIND_NAMES) if (isRequiredKind(kind)) expect(waitsForDigest(kind)).toBe(false);
  });

  it('gives every kind its own Thai name', () => {
    const names = MESSAGE_KIND_NAMES.map(messageKindThai);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/[\u0E00-\u0E7F]/);
  });

  it('bills a group or a room by its members', () => {
    expect(isGroupOrRoomId('C4af4980629000000000000000000000a')).toBe(true);
    expect(isGroupOrRoomId('U4af4980629000000000000000000000a')).toBe(false);
  });
});
