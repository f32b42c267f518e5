import { figures } from '../domain/figures.js';
import { markDeadlineStep, openComplaintsDueBy } from '../db/complaint-store.js';
import { linkedGroup } from '../db/executive-group-store.js';
import { staffWithRole } from '../db/staff-store.js';
import { dayKey } from '../domain/calendar.js';
import { clockSuffix } from '../domain/closure.js';
import { HANDLER_ROLE, remindDueBy, type Complaint } from '../domain/complaints.js';
import { sameBangkokDay } from '../domain/executive-groups.js';
import { overdueComplaintCards } from '../flex/complaint-groups.js';
import { caseCard } from '../flex/complaint-messages.js';
import { text } from '../line/messages.js';
import type { Outgoing } from '../outbox/enqueue.js';
import { executiveGroupCopy } from './executive-group-copy.js';
import type { JobDefinition } from './job.js';

/**
 * The 15-day rule, checked every morning: a reminder to the handler 3 days before the deadline's last day; when it
 * passes, the handler must send the complainant an explanation, and executives get one card a day with the
 * late cases by handler, on days when a case has newly passed its deadline (their linked group, when it chose
 * to receive them: counts of general complaints only).
 * The handler's steps are keyed on the case (not the day), so each happens once however many runs see the
 * case, and a reopened case is on a new clock whose steps are keyed apart (`clockSuffix`); the executives'
 * card is keyed on the day and holds as new only what passed its deadline that day.
 */
export const complaintDeadlines: JobDefinition<'complaint-deadlines'> = {
  name: 'complaint-deadlines',
  cron: '0 9 * * *',
  cronVariable: 'COMPLAINT_DEADLINE_CRON',
  thai: { name: 'กำหนด 15 วันเรื่องร้องเรียน', schedule: 'ตามกำหนดปกติ: 09:00 ทุกวัน ตรวจเรื่องร้องเรียนที่ใกล้หรือเกินกำหนด 15 วัน' },
  period: (asOf) => dayKey(asOf),
  isDue: () => true,
  async produce(run, { orgId, digits }) {
    const now = run.asOf;
    const open = await openComplaintsDueBy(orgId, remindDueBy(now));
    const executives = (await staffWithRole(orgId, 'executive')).map((e) => e.lineUserId);
    const handlersOf = async (c: Complaint) => (c.handlerUserId ? [c.handlerUserId] : (await staffWithRole(orgId, HANDLER_ROLE[c.kind])).map((s) => s.lineUserId));
    const outgoing: Outgoing[] = [];
    const late: Complaint[] = [];
    const escalatedToday = new Set<string>();

    for (const read of open) {
      const due = figures(digits).date(new Date(read.dueAt.getTime() - 1));
      const card = (x: Complaint) => ({ type: 'flex' as const, altText: x.trackingNo, contents: caseCard(x, now, figures(digits)) });
      // The case as it stands after the step's conditional write: one closed since the read above gets nothing.
      const c = await markDeadlineStep(read, read.dueAt > now ? 'reminder' : 'escalation', now);
      if (!c) continue;
      if (c.dueAt > now) {
        outgoing.push({ key: `complaint:${c.id}:reminder${clockSuffix(c)}`, to: await handlersOf(c), messages: [text(`เรื่อง ${c.trackingNo} จะครบกำหนดตอบ ${figures(digits).count(15)} วันในวันที่ ${due} กรุณาดำเนินการหรือแจ้งความคืบหน้าแก่ผู้ร้อง`), card(c)] });
        continue;
      }
      const overdue: Complaint = { ...c, explanationRequired: !c.explainedAt };
      late.push(c);
      if (sameBangkokDay(c.stepAt, now)) escalatedToday.add(c.id);
      if (!c.explainedAt) {
        outgoing.push({
          key: `complaint:${c.id}:explain-request${clockSuffix(c)}`,
          to: await handlersOf(c),
          messages: [text(`เรื่อง ${c.trackingNo} เกินกำหนด 15 วันแล้ว ต้องแจ้งเหตุผลแก่ผู้ร้องเรียน กด "แจ้งเหตุผลความล่าช้า"`), card(overdue)],
        });
      }
    }
    // One card for the day's new escalations, keyed on the day: a case belongs to the day its escalation was
    // first recorded, so each case reaches executives once. Corruption reports appear on it only as a count.
    const cards = escalatedToday.size > 0 ? overdueComplaintCards(late, now, escalatedToday, figures(digits)) : null;
    if (cards && executives.length > 0) {
      outgoing.push({ key: `complaint:escalations:${orgId}:${dayKey(now)}`, to: executives, messages: [cards] });
    }
    const general = late.filter((c) => c.kind === 'general');
    const newGeneral = general.filter((c) => escalatedToday.has(c.id)).length;
    if (newGeneral > 0) {
      const group = executiveGroupCopy(run.id, await linkedGroup(orgId), 'overdue-general');
      outgoing.push(...group.outgoing([text(groupOverdueText({ total: general.length, new: newGeneral }))]));
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
