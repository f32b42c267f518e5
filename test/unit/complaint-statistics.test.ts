import { describe, expect, it } from 'vitest';
import {
  answeredWithin15Days,
  computeComplaintStatistics,
  figuresOf,
  median,
  monthOf,
  type ComplaintStatRow,
} from '../../src/domain/complaint-statistics.js';
import { dueAt } from '../../src/domain/complaints.js';

const FY = 2569; // 1 Oct 2025 – 30 Sep 2026, Bangkok
const AS_OF = new Date('2026-10-15T00:00:00Z');
const DAY = 86_400_000;

function row(fields: Partial<ComplaintStatRow> & { submittedAt: Date }): ComplaintStatRow {
  return { kind: 'general', category: null, status: 'received', dueAt: dueAt(fields.submittedAt), closedAt: null, reopenCount: 0, stars: null, ...fields };
}
const after = (from: Date, days: number) => new Date(from.getTime() + days * DAY);

describe('median', () => {
  it('is the middle value of an odd count, the mean of the two middle values of an even count, none of nothing', () => {
    expect(median([9, 1, 4])).toBe(4);
    expect(median([9, 1, 4, 2])).toBe(3);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNull();
  });

  it('is the median handling time in days, to one decimal, of the answered cases only', () => {
    const filed = new Date('2025-11-03T03:00:00Z');
    const rows = [
      row({ submittedAt: filed, status: 'resolved', closedAt: after(filed, 2) }),
      row({ submittedAt: filed, status: 'rejected', closedAt: after(filed, 3.5) }),
      row({ submittedAt: filed, status: 'forwarded', closedAt: after(filed, 10) }),
      row({ submittedAt: filed, status: 'resolved', closedAt: after(filed, 21) }),
      // Withdrawn by the citizen after 1 day, and an open case: no handling time of the organisation's.
      row({ submittedAt: filed, status: 'withdrawn', closedAt: after(filed, 1) }),
      row({ submittedAt: filed, status: 'in_progress' }),
    ];
    const f = figuresOf(rows, AS_OF);
    expect(f.answered).toBe(4);
    expect(f.medianDays).toBe(6.8); // (3.5 + 10) / 2 = 6.75
    expect(figuresOf(rows.slice(0, 3), AS_OF).medianDays).toBe(3.5);
  });
});

describe('answered within 15 days', () => {
  const filed = new Date('2025-11-03T03:00:00Z'); // 10:00 on Monday 3 Nov in Bangkok; due the end of Tuesday 18 Nov
  const deadline = new Date('2025-11-18T17:00:00Z');

  it('counts a case closed on or before the deadline counted from filing, and not one a second later', () => {
    expect(dueAt(filed)).toEqual(deadline);
    expect(answeredWithin15Days(row({ submittedAt: filed, status: 'resolved', closedAt: deadline }))).toBe(true);
    expect(answeredWithin15Days(row({ submittedAt: filed, status: 'resolved', closedAt: new Date(deadline.getTime() + 1000) }))).toBe(false);
  });

  it('judges a reopened case by its first deadline, not the new clock the reopening gave it', () => {
    const reopened = row({ submittedAt: filed, status: 'resolved', reopenCount: 1, dueAt: after(deadline, 20), closedAt: after(deadline, 5) });
    expect(answeredWithin15Days(reopened)).toBe(false);
    const f = figuresOf([reopened, row({ submittedAt: filed, status: 'resolved', closedAt: after(filed, 3) })], AS_OF);
    expect(f).toMatchObject({ answered: 2, answeredWithin15: 1, within15Percent: 50, reopened: 1 });
  });

  it('leaves withdrawn and open cases out of the share, and gives no share when nothing was answered', () => {
    const f = figuresOf([row({ submittedAt: filed, status: 'withdrawn', closedAt: after(filed, 1) }), row({ submittedAt: filed })], AS_OF);
    // A withdrawal is the complainant's: counted as withdrawn, not as done, so received = closed + inProgress + withdrawn.
    expect(f).toMatchObject({ received: 2, closed: 0, inProgress: 1, withdrawn: 1, answered: 0, answeredWithin15: 0, within15Percent: null, medianDays: null });
  });

  it('rounds the share to two decimals', () => {
    const rows = [1, 2, 30].map((d) => row({ submittedAt: filed, status: 'resolved', closedAt: after(filed, d) }));
    expect(figuresOf(rows, AS_OF).within15Percent).toBe(66.67);
  });
});

describe('reopened, ratings, forwarded, overdue', () => {
  const filed = new Date('2026-01-05T02:00:00Z');

  it('counts a case reopened whatever its status now, and averages the stars of the rated cases', () => {
    const rows = [
      row({ submittedAt: filed, status: 'in_progress', reopenCount: 1, stars: 2 }),
      row({ submittedAt: filed, status: 'resolved', closedAt: after(filed, 4), reopenCount: 2, stars: 4 }),
      row({ submittedAt: filed, status: 'resolved', closedAt: after(filed, 4), stars: 5 }),
      row({ submittedAt: filed, status: 'forwarded', closedAt: after(filed, 1) }),
    ];
    expect(figuresOf(rows, AS_OF)).toMatchObject({ reopened: 2, ratings: 3, averageStars: 3.67, forwarded: 1, closed: 3, inProgress: 1 });
    expect(figuresOf(rows.slice(3), AS_OF)).toMatchObject({ ratings: 0, averageStars: null });
  });

  it('counts as overdue the open cases whose current deadline has passed', () => {
    const rows = [row({ submittedAt: filed }), row({ submittedAt: filed, dueAt: after(AS_OF, 1) }), row({ submittedAt: filed, status: 'resolved', closedAt: after(filed, 40) })];
    expect(figuresOf(rows, AS_OF).overdue).toBe(1);
  });
});

describe('the fiscal year', () => {
  it('has twelve months from October, empty ones with zeros and no averages', () => {
    const stats = computeComplaintStatistics([], FY, AS_OF);
    expect(stats.months.map((m) => m.label)).toEqual([
      'ต.ค. 2568', 'พ.ย. 2568', 'ธ.ค. 2568', 'ม.ค. 2569', 'ก.พ. 2569', 'มี.ค. 2569',
      'เม.ย. 2569', 'พ.ค. 2569', 'มิ.ย. 2569', 'ก.ค. 2569', 'ส.ค. 2569', 'ก.ย. 2569',
    ]);
    expect(stats.months[0]).toMatchObject({ month: '2025-10', received: 0, closed: 0, medianDays: null, within15Percent: null, averageStars: null });
    expect(stats.total.received).toBe(0);
    expect(stats.byCategory).toEqual([]);
  });

  it('puts each case in the Bangkok month it was filed in, and the months add up to the year', () => {
    const rows = [
      row({ submittedAt: new Date('2025-09-30T16:59:00Z') }), // 23:59 on 30 Sep: the year before
      row({ submittedAt: new Date('2025-09-30T17:00:00Z') }), // 00:00 on 1 Oct
      row({ submittedAt: new Date('2025-10-31T17:30:00Z'), kind: 'corruption' }), // 00:30 on 1 Nov
      row({ submittedAt: new Date('2026-09-30T16:59:59Z'), status: 'resolved', closedAt: new Date('2026-10-01T03:00:00Z') }),
      row({ submittedAt: new Date('2026-09-30T17:00:00Z') }), // 1 Oct 2026: the next year
    ];
    const stats = computeComplaintStatistics(rows, FY, AS_OF);
    expect(stats.months.map((m) => m.received)).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(stats.total).toMatchObject({ received: 3, closed: 1, inProgress: 2 });
    expect(stats.byKind.general.received).toBe(2);
    expect(stats.byKind.corruption.received).toBe(1);
    expect(monthOf(stats, new Date('2025-11-20T00:00:00Z'))?.label).toBe('พ.ย. 2568');
    expect(monthOf(stats, new Date('2026-11-20T00:00:00Z'))).toBeNull();
  });

  it('breaks general complaints down by category, most received first, uncategorised last, corruption reports left out', () => {
    const filed = new Date('2025-12-02T03:00:00Z');
    const rows = [
      row({ submittedAt: filed, category: 'ไฟฟ้า' }),
      row({ submittedAt: filed, category: 'ถนน', status: 'resolved', closedAt: after(filed, 2), stars: 4 }),
      row({ submittedAt: filed, category: 'ถนน' }),
      row({ submittedAt: filed }),
      row({ submittedAt: filed, kind: 'corruption', category: 'จัดซื้อจัดจ้าง' }),
    ];
    const stats = computeComplaintStatistics(rows, FY, AS_OF);
    expect(stats.byCategory.map((c) => [c.category, c.received])).toEqual([['ถนน', 2], ['ไฟฟ้า', 1], [null, 1]]);
    expect(stats.byCategory[0]).toMatchObject({ closed: 1, averageStars: 4, within15Percent: 100 });
  });
});
