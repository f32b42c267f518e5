import { describe, expect, it } from 'vitest';
import { summary } from '../../src/features/summary/feature.js';
import type { Complaint, ComplaintStats } from '../../src/domain/complaints.js';
import { summarise } from '../../src/domain/summary.js';

import { complaintValue } from '../support/complaint-value.js';
import { visibleText } from '../support/chat.js';
import { pressed, sender, standInContext, typed, type StandIns } from '../support/stand-ins.js';
import { SUMMARY_ACTIONS } from '../../src/features/summary/actions.js';

// The executive's summary with its stores in memory: no database, the organisation already given.
const now = new Date('2025-07-01T03:00:00Z');
const executive = sender('U-executive', ['executive']);
const admin = sender('U-admin', ['admin']);
const counts = (total: number, inProgress: number) => ({ total, completed: total - inProgress, inProgress, withdrawn: 0 });
const stats: ComplaintStats = {
  fiscalYear: 2568,
  all: counts(5, 2),
  byKind: { general: counts(4, 2), corruption: counts(1, 0) },
  overdue: 1,
  overdueByKind: { general: 1, corruption: 0 },
};
const late: Complaint = complaintValue({ id: 'c9', trackingNo: 'G2568-0009', reporterKey: 'k', submittedAt: new Date('2025-06-02T02:00:00Z'), dueAt: new Date('2025-06-20T02:00:00Z'), handlerUserId: 'U-handler', handlerName: 'นายช่าง' });

function stores(asked: Date[] = []): StandIns {
  return {
    summaries: { loadSummary: async (at) => summarise(2568, [], [], at) },
    complaints: {
      complaintStats: async () => stats,
      openComplaintsDueBy: async (by) => {
        asked.push(by);
        return [late];
      },
    },
  };
}

describe('summary, with its stores in memory', () => {
  it('gives an executive the organisation\'s figures with this year\'s complaints', async () => {
    const reply = visibleText(await summary.handle(standInContext({ input: typed('สรุป'), sender: executive, now, stores: stores() })));
    expect(reply).toContain('สรุปผลการดำเนินงานล่าสุด');
    expect(reply).toContain('เรื่องร้องเรียนปีงบประมาณ 2568: ทั้งหมด 5 (แจ้งเบาะแสการทุจริต 1)');
    expect(reply).toContain('เกินกำหนด 1');
  });

  it('lists the late complaints of the overdue button for an executive, as of now', async () => {
    const asked: Date[] = [];
    const reply = visibleText(await summary.handle(standInContext({ input: pressed(SUMMARY_ACTIONS.overdueList.name), sender: executive, now, stores: stores(asked) })));
    expect(asked).toEqual([now]);
    expect(reply).toContain('นายช่าง');
  });

  it('gives an admin the overdue measures only: late complaints are neither read nor shown', async () => {
    // Without openComplaintsDueBy: the stand-in fails the test if the feature reads it.
    const { summaries } = stores();
    const reply = await summary.handle(standInContext({ input: pressed(SUMMARY_ACTIONS.overdueList.name), sender: admin, now, stores: { summaries } }));
    expect(reply).toHaveLength(1);
    expect(visibleText(reply)).not.toContain('นายช่าง');
  });

  it('refuses the late-complaints button to an admin', async () => {
    const reply = visibleText(await summary.handle(standInContext({ input: pressed(SUMMARY_ACTIONS.overdueComplaints.name), sender: admin, now, stores: {} })));
    expect(reply).toContain('ปุ่มนี้สำหรับผู้บริหารเท่านั้น');
  });
});
