import { fiscalYearOf } from '../../domain/fiscal-year.js';
import { figures } from '../../domain/figures.js';
import { hasRole, isExecutiveOrAdmin } from '../../domain/roles.js';
import { overdueComplaintCards, overdueComplaintText } from '../../flex/complaint-groups.js';
import { overdueCards, overdueUnitText } from './cards.js';
import { complaintLine, summaryMessage } from '../../flex/summary-message.js';
import { quickText, text, type Message } from '../../line/messages.js';
import { BUDGET_LABEL } from '../budget/feature.js';

import { SUMMARY_WORDS, WIDER_SCOPE_WORDS } from '../common/meanings/lexicons.js';
import { CHAT_TEXT } from '../common/texts.js';
import type { ChatContext, Feature } from '../common/context.js';
import { SUMMARY_ACTIONS } from './actions.js';

/**
 * The organisation's latest figures; from the card's button, what is overdue as cards by unit (and late
 * complaints by handler), and from those cards' buttons, one group's list.
 */
export const summary: Feature = {
  name: 'summary',
  tiles: [
    { menu: 'executive', place: 1, label: 'สรุปผลการดำเนินงาน', sends: { text: 'สรุป' }, title: 'สรุปผล', hint: 'ภาพรวมการดำเนินงานตามแผน และรายการที่เกินกำหนด', colour: '#1F3A5F', icon: '<path d="M4 20h16"/><path d="M7 17.5v-6"/><path d="M12 17.5V5"/><path d="M17 17.5v-3.5"/>' },
    // An admin is most often the ปลัด, whose first question is the executives' own.
    { menu: 'admin', place: 7, label: 'สรุปผลการดำเนินงาน', sends: { text: 'สรุป' }, title: 'สรุปผล', hint: 'ภาพรวมและที่เกินกำหนด', colour: '#3A4A5F', icon: '<path d="M4 20h16"/><path d="M7 17.5v-6"/><path d="M12 17.5V5"/><path d="M17 17.5v-3.5"/>' },
  ],
  menu: [
    { for: ['executive', 'admin'], order: 40, button: 'สรุป', help: '"สรุป" ภาพรวมผลการดำเนินงานล่าสุด ร้อยละการนำแผนไปปฏิบัติ การเบิกจ่าย รายการที่เกินกำหนด' },
    // The monthly summary pushed to executives (jobs/) is this summary: told here, where it is asked for.
    { for: ['executive'], order: 43, help: 'ท่านจะได้รับสรุปรายเดือนทุกวันทำการแรกของเดือน และรายชื่อผู้ที่ยังไม่ตอบการติดตามผลทุกไตรมาส' },
  ],
  words: ['สรุป', 'summary'],
  cues: {
    weights: {
      ...Object.fromEntries(SUMMARY_WORDS.map((w) => [w, 2])),
      // Above the roll-up's "สรุป", which a supervisor's sentence reaches only when the summary is not theirs.
      สรุป: 2.5,
      // How far the plan has got: an executive asks it of the whole plan.
      คืบหน้า: 2, ก้าวหน้า: 2, progress: 2, status: 2, ดูผล: 2, เป็นไปตามแผน: 2, รายงานความก้าวหน้า: 2.5, รายงานความคืบหน้า: 2.5,
      ผลการปฏิบัติ: 2, ติดตามงาน: 2, ติดตามผล: 2, เช็คงาน: 2, เช็กงาน: 2, กี่โครงการ: 2, กี่รายการ: 2, กี่เปอร์เซ็นต์: 2, กี่เปอร์เซ็น: 2,
      ถึงไหน: 2, kpi: 2, รายงานผล: 2, ผลเป็นอย่างไร: 2, ผลเป็นยังไง: 2,
      // Who is behind: the units that have not reported are on the summary's overdue cards.
      ยังไม่ส่ง: 2, ส่งครบ: 2, ครบหรือยัง: 1.5, ใครยังไม่: 1.5, น่าห่วง: 1.5, ระดับ: 1.5, ยอด: 1.5, คืบ: 2, กี่ข้อ: 1.5, brief: 2, 'progress report': 2, 'status report': 2, performance: 2, 'how are we': 2,
      // Hints, which count together: what is asked about, and the questions people ask of it.
      ล่าช้า: 1.5, ค้าง: 1.5, เกินกำหนด: 1.5, ล่าสุด: 1.5, ตัวชี้วัด: 1.5, ตามเป้า: 1.5, ยังไม่เสร็จ: 1.5, ช้า: 1, ยังไม่เริ่ม: 1, ยังไม่ได้ทำ: 1,
      ทุกโครงการ: 1, ทุกมาตรการ: 1, โครงการ: 1, มาตรการ: 1, ร้อยละ: 1, เปอร์เซ็นต์: 1, เปอร์เซ็น: 1, เบิกจ่าย: 1, สถานะ: 1, ทั้งหมด: 1,
      ตามแผน: 1, แผนงาน: 1, แผนปฏิบัติการ: 1, เสร็จ: 1, ดำเนินการ: 1, ทุกงาน: 1, เป้า: 1, สถานการณ์: 1, งบ: 1, ทำไป: 1, ทำอะไร: 1,
      แค่ไหน: 1, เท่าไหร่: 1, เท่าไร: 1, กี่อัน: 1,
      // Compared with last month, and the plan as of a month's end: the summary's trend and its date.
      เทียบ: 1, เปรียบเทียบ: 1, เดือนที่แล้ว: 1, เดือนก่อน: 1, ดีขึ้น: 1, แย่ลง: 1, สิ้นเดือน: 1, เดือนนี้: 0.5, แผน: 0.5, สถานะแผน: 2, 'กี่%': 2,
      เป็นอย่างไร: 1.5, เป็นยังไง: 1.5, ยังไงบ้าง: 1.5, เป็นไง: 1.5,
      งาน: 0.5, ผล: 0.5, ข้อมูล: 0.5, ตอนนี้: 0.5, ช่วงนี้: 0.5, ไปแล้ว: 0.5, มีอะไร: 0.5, อันไหน: 0.5, บ้าง: 0.5, พ่อง: 0.5,
      // The executive's own "update": how things stand (an officer's is a report).
      อัปเดต: 1.5, อัพเดต: 1.5, อัปเดท: 1.5, อัพเดท: 1.5, update: 1.5, ขออัปเดต: 2, ขออัพเดต: 2, ขออัพเดท: 2, ขออัปเดท: 2,
      // Slips, and the regions' "how is it" and "how far": Isan จั่งใด๋ and ฮอดไส, Northern จะใด, Southern พรือ.
      สรุบ: 2.5, สรูป: 2.5, สรป: 2.5, สุรป: 2.5, ภาพรวบ: 2, ภาพรวน: 2, คึบหน้า: 2, ดำเนิงาน: 1, ดำเนินาน: 1, ฮอดไส: 2, ฮอดไหน: 2, จั่งใด๋: 1.5, จั่งใด: 1.5, เป็นจะใด: 1.5, พรือ: 1.5,
    },
    // Other organisations' figures are the supervising offices' roll-up; the summary sent to a group is linking it.
    not: [...WIDER_SCOPE_WORDS, 'กลุ่ม'],
  },
  actions: SUMMARY_ACTIONS,
  allowed: (sender) => isExecutiveOrAdmin(sender.roles),
  refusal: CHAT_TEXT.executivesOnly,
  async handle(ctx) {
    const { stores, org, now } = ctx;
    if (ctx.input.kind === 'postback') return overdue(ctx, ctx.input.action, ctx.input.params);
    const summary = await stores.summaries.loadSummary(now, org.thresholds, await org.activeFiscalYear());
    const f = figures(org.digits);
    const stats = await stores.complaints.complaintStats(fiscalYearOf(now), now);
    const lateComplaints = hasRole(ctx.sender.roles, 'executive') ? stats.overdue : 0;
    const card = summaryMessage(summary, { heading: 'สรุปผลการดำเนินงานล่าสุด', complaints: complaintLine(stats, 'executives', f), publicPage: ctx.publicPageUrl?.(), lateComplaints, figures: f });
    // The card gives one disbursement figure; the budget by family and unit is a tap away.
    return [{ ...card, quickReply: { items: [quickText(BUDGET_LABEL)] } }];
  },
};

async function overdue(ctx: ChatContext, action: string, params: Record<string, string>): Promise<Message[]> {
  const { stores, org, now } = ctx;
  // Late complaints are the executives' (as the 15-day job's card is): an admin gets the measures only.
  const executive = hasRole(ctx.sender.roles, 'executive');
  const f = figures(org.digits);
  if (action === SUMMARY_ACTIONS.overdueComplaints.name) {
    if (!executive) return [text('ปุ่มนี้สำหรับผู้บริหารเท่านั้น')];
    // A card pushed by a job run names its moment (`t`); the list is as of then or now, whichever is later.
    const t = Number(params.t);
    const at = Number.isSafeInteger(t) && t > now.getTime() && !Number.isNaN(new Date(t).getTime()) ? new Date(t) : now;
    return [text(overdueComplaintText(await stores.complaints.openComplaintsDueBy(at), at, params.h ?? '', f))];
  }
  const summary = await stores.summaries.loadSummary(now, org.thresholds, await org.activeFiscalYear());
  if (action === SUMMARY_ACTIONS.overdueUnit.name) return [text(overdueUnitText(summary, params.u ?? '', f))];
  const late = executive ? overdueComplaintCards(await stores.complaints.openComplaintsDueBy(now), now, null, f) : null;
  return late ? [overdueCards(summary, f), late] : [overdueCards(summary, f)];
}
