import { linkedGroup } from '../db/executive-group-store.js';
import { addDays } from 'date-fns';
import { deadlineStepAt, markDeadlineStep, openComplaintsDueBy } from '../db/complaint-store.js';
import type { Complaint } from '../domain/complaints.js';
import { staffWithRole } from '../db/staff-store.js';
import { text } from '../line/messages.js';
import { dayKey } from '../domain/calendar.js';
import { clockSuffix } from '../domain/closure.js';
import { COMPLAINT_STATUS_TH, HANDLER_ROLE, KIND_TH, REMIND_DAYS_BEFORE } from '../domain/complaints.js';
import { formatThaiDate, truncate } from '../domain/thai.js';
import { caseCard } from '../flex/complaint-messages.js';
import type { Outgoing } from '../outbox/enqueue.js';
import { executiveGroupCopy } from './executive-group-copy.js';
import type { JobDefinition } from './job.js';

/**
 * The 15-day rule, checked every morning: a reminder to the handler 3 days before the deadline; when it
 * passes, the case goes to the executives and the handler must send the complainant an explanation.
 * Each step is keyed on the case (not the day), so it happens once however many runs see the case; a
 * reopened case is on a new clock whose steps are keyed apart (`clockSuffix`).
 */
export const complaintDeadlines: JobDefinition = {
  name: 'complaint-deadlines',
  period: (asOf) => dayKey(asOf),
  isDue: () => true,
  async produce(run, { orgId }) {
    const now = run.asOf;
    const open = await openComplaintsDueBy(orgId, addDays(now, REMIND_DAYS_BEFORE));
    const executives = (await staffWithRole(orgId, 'executive')).map((e) => e.lineUserId);
    const handlersOf = async (c: Complaint) => (c.handlerUserId ? [c.handlerUserId] : (await staffWithRole(orgId, HANDLER_ROLE[c.kind])).map((s) => s.lineUserId));
    const outgoing: Outgoing[] = [];
    // For the executives' group: general complaints only, and only their counts.
    const overdueGeneral = { total: 0, new: 0 };

    for (const read of open) {
      const due = formatThaiDate(new Date(read.dueAt.getTime() - 1));
      const card = (x: Complaint) => ({ type: 'flex' as const, altText: x.trackingNo, contents: caseCard(x, now) });
      // The case as it stands after the step's conditional write: one closed since the read above gets nothing.
      const c = await markDeadlineStep(read, read.dueAt > now ? 'reminder' : 'escalation', now);
      if (!c) continue;
      if (c.dueAt > now) {
        outgoing.push({ key: `complaint:${c.id}:reminder${clockSuffix(c)}`, to: await handlersOf(c), messages: [text(`เรื่อง ${c.trackingNo} จะครบกำหนดตอบ 15 วันในวันที่ ${due} กรุณาดำเนินการหรือแจ้งความคืบหน้าแก่ผู้ร้อง`), card(c)] });
        continue;
      }
      if (c.kind === 'general') {
        overdueGeneral.total++;
        // New in this run (or in this run resumed, which has the same moment): the step was first written now.
        if ((await deadlineStepAt(c, 'escalation'))?.getTime() === now.getTime()) overdueGeneral.new++;
      }
      const overdue: Complaint = { ...c, explanationRequired: !c.explainedAt };
      // Executives see what the case is and how late, never who reported it; a corruption report's details stay with the integrity officers.
      const summary = c.kind === 'general' ? `\nเรื่อง: ${truncate(c.description, 120)}` : '';
      outgoing.push({
        key: `complaint:${c.id}:escalation${clockSuffix(c)}`,
        to: executives,
        messages: [
          text(
            `เรื่องร้องเรียนเกินกำหนด 15 วัน\n${c.trackingNo} · ${KIND_TH[c.kind]}\nรับเรื่อง ${formatThaiDate(c.submittedAt)} · ครบกำหนด ${due}\nสถานะ: ${COMPLAINT_STATUS_TH[c.status]} · ผู้รับผิดชอบ: ${c.handlerName ?? (c.handlerUserId ? 'มีแล้ว' : 'ยังไม่มี')}${summary}`,
          ),
        ],
      });
      if (!c.explainedAt) {
        outgoing.push({
          key: `complaint:${c.id}:explain-request${clockSuffix(c)}`,
          to: await handlersOf(c),
          messages: [text(`เรื่อง ${c.trackingNo} เกินกำหนด 15 วันแล้ว ต้องแจ้งเหตุผลแก่ผู้ร้องเรียน กด "แจ้งเหตุผลความล่าช้า"`), card(overdue)],
        });
      }
    }
    if (overdueGeneral.new > 0) {
      const group = executiveGroupCopy(run.id, await linkedGroup(orgId));
      outgoing.push(...group.outgoing('overdue-general', [text(groupOverdueText(overdueGeneral))]));
    }
    return { outgoing, recipients: outgoing.reduce((n, o) => n + o.to.length, 0) };
  },
};

/**
 * The executives' group reads counts of general complaints and nothing else: a group may hold people who
 * are not executives, and a corruption report must not even be known to exist there.
 */
function groupOverdueText(counts: { total: number; new: number }): string {
  return `เรื่องร้องเรียนทั่วไปเกินกำหนด 15 วันเพิ่มขึ้น ${counts.new} เรื่อง\nรวมเรื่องร้องเรียนทั่วไปที่ยังไม่ยุติและเกินกำหนด ${counts.total} เรื่อง\nผู้บริหารดูรายละเอียดได้ทางแชตส่วนตัวกับบัญชีนี้`;
}
