import { describe, expect, it } from 'vitest';
import { dueFirst, dueGroup } from '../../src/domain/report-order.js';
import type { Status } from '../../src/domain/statuses.js';

const now = new Date('2026-12-04T03:00:00Z');
const yearStart = new Date('2026-09-30T17:00:00Z');
const yearEnd = new Date('2027-09-30T17:00:00Z');

const item = (code: string, status: Status, periodStart = yearStart, periodEnd = yearEnd) => ({ code, status, periodStart, periodEnd });

describe('what an officer is offered first', () => {
  const list = [
    item('A-done', 'completed'),
    item('B-progress', 'in_progress'),
    item('C-not-started', 'not_started'),
    item('D-overdue', 'in_progress', yearStart, new Date('2026-11-30T17:00:00Z')),
    item('E-blocked', 'cannot_proceed'),
    item('F-done-late', 'completed', yearStart, new Date('2026-10-31T17:00:00Z')),
    item('G-not-started-soon', 'not_started', yearStart, new Date('2026-12-31T17:00:00Z')),
    item('H-july', 'not_started', new Date('2027-06-30T17:00:00Z'), new Date('2027-07-31T17:00:00Z')),
    item('I-overdue-longer', 'not_started', yearStart, new Date('2026-10-31T17:00:00Z')),
  ];

  it('lists overdue, then not started, in progress, blocked, and what has not begun; the completed apart', () => {
    const { due, done } = dueFirst(list, now);
    expect(due.map((m) => m.code)).toEqual(['I-overdue-longer', 'D-overdue', 'G-not-started-soon', 'C-not-started', 'B-progress', 'E-blocked', 'H-july']);
    expect(done.map((m) => m.code)).toEqual(['A-done', 'F-done-late']);
  });

  it('calls an item overdue as the summary does: period over and not completed', () => {
    expect(dueGroup(item('x', 'in_progress', yearStart, now), now)).toBe('overdue');
    expect(dueGroup(item('x', 'completed', yearStart, now), now)).toBe('done');
    expect(dueGroup(item('x', 'in_progress', yearStart, new Date(now.getTime() + 1)), now)).toBe('in_progress');
  });

  it('keeps the table order among equals', () => {
    const same = ['K-01', 'K-02', 'K-03'].map((code) => item(code, 'not_started'));
    expect(dueFirst(same, now).due.map((m) => m.code)).toEqual(['K-01', 'K-02', 'K-03']);
  });
});
