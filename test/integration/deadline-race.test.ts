import { addDays, subDays } from 'date-fns';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { changeComplaintStatus, fileComplaint, getComplaint } from '../../src/db/complaint-store.js';
import { ComplaintEventModel, ComplaintModel } from '../../src/db/models/complaint.js';
import { dayKey } from '../../src/domain/calendar.js';
import type { Complaint } from '../../src/domain/complaints.js';
import { complaintDeadlines } from '../../src/jobs/complaint-deadlines.js';
import { addStaff } from '../support/fixtures.js';
import { connectTestDatabase, testSealer } from '../support/harness.js';

/**
 * The 15-day job reads the open cases, then writes to each. A handler may close a case in between: the
 * job's writes are conditional on the case still being open (and unexplained), so a case closed meanwhile
 * gets no explanation requirement, no reminder or escalation entry, and no message.
 */
const hook = vi.hoisted(() => ({ afterRead: async (_read: { id: string }[]) => {} }));
vi.mock('../../src/db/complaint-store.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/db/complaint-store.js')>();
  return {
    ...actual,
    openComplaintsDueBy: async (...args: Parameters<typeof actual.openComplaintsDueBy>) => {
      const read = await actual.openComplaintsDueBy(...args);
      await hook.afterRead(read);
      return read;
    },
  };
});

const ORG = 'test-org';
const HANDLER = 'U-handler';
const EXECUTIVE = 'U-executive';
/** The executives' card of a day: the cases that passed their deadline that day, by handler. */
const executivesCard = (day: Date) => `complaint:escalations:${ORG}:${dayKey(day)}`;
let db: Awaited<ReturnType<typeof connectTestDatabase>>;

beforeAll(async () => {
  db = await connectTestDatabase();
  await addStaff(ORG, HANDLER, ['complaint_officer'], null);
  await addStaff(ORG, EXECUTIVE, ['executive'], null);
});
afterAll(async () => {
  await db?.close();
});

async function fileCase(daysAgo: number, now: Date, name: string): Promise<Complaint> {
  const input = { kind: 'general' as const, description: name, accused: null, happenedWhen: null, location: null, attachments: [], contactName: null, contactPhone: null, notify: true };
  return (await fileComplaint(ORG, { complaint: input, reporterLineUserId: 'U-citizen', sealer: testSealer, now: subDays(now, daysAgo), eventId: `file-${name}` })).complaint;
}

describe('the 15-day job and a case closed while it runs', () => {
  it('writes only to cases still open: one closed between its read and its write gets nothing', async () => {
    const now = new Date();
    const overdueClosed = await fileCase(20, now, 'overdue, closed meanwhile');
    const overdueOpen = await fileCase(20, now, 'overdue, still open');
    // Due in two days, whatever weekend or holiday the 15th day after filing would fall on.
    const soonClosed = { ...(await fileCase(13, now, 'due soon, closed meanwhile')), dueAt: addDays(now, 2) };
    await ComplaintModel.updateOne({ _id: soonClosed.id }, { $set: { dueAt: soonClosed.dueAt } });
    const closing = [overdueClosed, soonClosed];
    hook.afterRead = async (read) => {
      expect(read.map((c) => c.id)).toEqual(expect.arrayContaining([overdueClosed.id, overdueOpen.id, soonClosed.id]));
      for (const c of closing) await changeComplaintStatus({ complaint: c, to: 'resolved', note: 'ซ่อมเรียบร้อยแล้ว', handlerUserId: HANDLER, now, eventId: `close-${c.id}` });
    };

    const { outgoing } = await complaintDeadlines.produce({ id: 'run', asOf: now }, { orgId: ORG, thresholds: [], roundReminderDaysBefore: [] });

    expect(outgoing.map((o) => o.key).sort()).toEqual([`complaint:${overdueOpen.id}:explain-request`, executivesCard(now)]);
    for (const c of closing) {
      expect(await getComplaint(ORG, c.id)).toMatchObject({ status: 'resolved', explanationRequired: false });
      expect(await ComplaintEventModel.countDocuments({ complaintId: c.id, type: { $in: ['reminder', 'escalation'] } })).toBe(0);
    }
    expect(await getComplaint(ORG, overdueOpen.id)).toMatchObject({ status: 'received', explanationRequired: true });
    expect(await ComplaintEventModel.countDocuments({ complaintId: overdueOpen.id, type: 'escalation' })).toBe(1);

    // Run again (the next morning, or a takeover of a run that stopped): nothing new, nothing for the closed cases.
    hook.afterRead = async () => {};
    const again = await complaintDeadlines.produce({ id: 'run-2', asOf: now }, { orgId: ORG, thresholds: [], roundReminderDaysBefore: [] });
    expect(again.outgoing.map((o) => o.key).sort()).toEqual([`complaint:${overdueOpen.id}:explain-request`, executivesCard(now)]);
    expect(await ComplaintEventModel.countDocuments({ complaintId: overdueOpen.id, type: 'escalation' })).toBe(1);

    // The next day the case is still late, but it was escalated yesterday: executives get no card for it again.
    const tomorrow = addDays(now, 1);
    const nextDay = await complaintDeadlines.produce({ id: 'run-next-day', asOf: tomorrow }, { orgId: ORG, thresholds: [], roundReminderDaysBefore: [] });
    expect(nextDay.outgoing.map((o) => o.key)).toEqual([`complaint:${overdueOpen.id}:explain-request`]);
  });

  it('leaves a case explained meanwhile without a new explanation requirement', async () => {
    const now = new Date();
    // Owed since an earlier run (an explanation is given only when owed: domain/complaint-states.ts).
    const c = { ...(await fileCase(25, now, 'overdue, explained meanwhile')), explanationRequired: true };
    await ComplaintModel.updateOne({ _id: c.id }, { $set: { explanationRequired: true } });
    hook.afterRead = async () => {
      const { recordExplanation } = await import('../../src/db/complaint-store.js');
      expect((await recordExplanation({ complaint: c, text: 'รอผู้รับจ้าง', handlerUserId: HANDLER, now, eventId: `explain-${c.id}` })).moved).toBe(true);
    };
    const { outgoing } = await complaintDeadlines.produce({ id: 'run-3', asOf: now }, { orgId: ORG, thresholds: [], roundReminderDaysBefore: [] });
    expect(await getComplaint(ORG, c.id)).toMatchObject({ explanationRequired: false });
    // Still late, so the executives hear of it; the handler is not asked again for what they have just given.
    const keys = outgoing.map((o) => o.key);
    expect(keys).toContain(executivesCard(now));
    expect(keys).not.toContain(`complaint:${c.id}:explain-request`);
  });
});
