import { continueReport, DIALOG, isReportState, pickMeasure, repeatPrompt, type Facts, type SaveReport } from './dialog.js';
import { figures } from '../../domain/figures.js';
import { findByCode, looksLikeCode, searchTitles, titleQuery, trimRequest } from '../../domain/item-match.js';
import { hasRole } from '../../domain/roles.js';
import type { StaffMember } from '../../domain/staff.js';
import { isLockedForRound, type MeasureView } from '../../domain/measures.js';
import { dueFirst } from '../../domain/report-order.js';
import { arabicDigits, truncate } from '../../domain/thai.js';
import { matchCarousel, measureBrief, measureCarousel, SEE_DONE, seeDonePostback } from '../../flex/measure-cards.js';
import { quickPostback, quickText, text, type Message } from '../../line/messages.js';
import { postbackData } from '../../line/postback.js';
import { CHAT_TEXT } from '../common/texts.js';
import type { ChatContext, Feature, Perform } from '../common/context.js';
import { REPORT_ACTIONS } from './actions.js';
import { roundLeft } from './round-left.js';
import type { Round } from '../../domain/calendar.js';
import { roundBeingReminded } from '../../domain/reminders.js';

const SAY = {
  noMeasures: (unit: string | null) => `ยังไม่มีมาตรการหรือโครงการที่${unit ?? 'ท่าน'}รับผิดชอบในปีงบประมาณนี้ หากไม่ถูกต้อง กรุณาแจ้งผู้ดูแลระบบ`,
  allDone: (count: string) => `รายการที่ท่านรับผิดชอบดำเนินการแล้วเสร็จทั้งหมด ${count} รายการ ไม่มีรายการที่ต้องรายงานเพิ่มในตอนนี้`,
  notTheirs: (m: MeasureView) =>
    m.responsibleUnits.length > 0
      ? `${m.code} ${truncate(m.title, 200)} เป็นรายการที่${m.responsibleUnits.join(', ')}รับผิดชอบ ท่านจึงรายงานรายการนี้ไม่ได้\nหากท่านต้องรับผิดชอบรายการนี้ด้วย กรุณาแจ้งผู้ดูแลระบบ`
      : `${m.code} ${truncate(m.title, 200)} ยังไม่ได้กำหนดหน่วยงานรับผิดชอบ จึงยังรายงานไม่ได้ กรุณาแจ้งผู้ดูแลระบบ`,
  choose: (count: string) => `พบรายการที่ใกล้เคียง ${count} รายการ เลือกรายการที่ต้องการรายงาน`,
  notFound: (words: string) => `ไม่พบรายการที่ตรงกับ "${words}" ในรายการที่ท่านรับผิดชอบ เลือกจากรายการด้านล่าง หรือพิมพ์ "รายงาน" ตามด้วยรหัส เช่น รายงาน EP-01`,
  noneDone: 'ยังไม่มีรายการที่ดำเนินการแล้วเสร็จ',
  complaintHint: 'หากต้องการแจ้งเรื่องร้องเรียนหรือเบาะแสการทุจริต พิมพ์ "ร้องเรียน"',
} as const;

/**
 * What a request names, cut short: a few words find a title, and the words travel in the data of the
 * "start again" button when another dialog is under way (LINE allows 300 characters there, and each Thai
 * character takes 9 once encoded).
 */
const MAX_REQUEST = 24;

const VERB = /^\s*(?:(?:ขอ|จะ|ต้องการ|อยาก)\s*)*(?:ส่ง\s*)?(?:รายงาน|report)\s*/i;

/**
 * The completed items asked for in words, as the list's button asks: "ดูรายการที่เสร็จแล้ว", "ขอดูรายการที่เสร็จแล้ว",
 * "รายการที่ดำเนินการแล้วเสร็จ" (on the text without spaces). The request travels as this argument, which no
 * code or title can be.
 */
const DONE_REQUEST = /^(?:ขอ|อยาก|ต้องการ)*(?:ดู)?(?:รายการ|มาตรการ|โครงการ)(?:ที่)?(?:ดำเนินการ|ทำ)?(?:แล้ว)?เสร็จ(?:แล้ว|สิ้นแล้ว)?(?:ครับ|ค่ะ|คะ|ด้วย|หน่อย)*$/;
const SEE_DONE_ARGUMENT = SEE_DONE;
const plainOf = (typed: string) => typed.toLowerCase().replace(/\s+/g, '');

/**
 * "รายงาน EP-10", "report ep10", "ขอรายงาน EP ๑๐": a code typed after the word, which counts even inside a dialog;
 * so does the list button's own words typed out. Looser phrasings of it wait for no dialog to be under way
 * ("โครงการเสร็จแล้ว" can be an answer).
 */
function codeCommand(typed: string): string | null {
  if (/^(?:ขอ)?ดูรายการที่เสร็จแล้ว$/.test(plainOf(typed))) return SEE_DONE_ARGUMENT;
  const rest = VERB.exec(typed);
  if (!rest) return null;
  const code = typed.slice(rest[0].length).trim();
  return code && looksLikeCode(code) ? arabicDigits(code) : null;
}

/** When and how often, which no title is about: "ส่งรายงานประจำเดือน" names no item. */
const ONLY_WHEN = /^(?:ประจำ|เดือน|ไตรมาส|ปี|วัน|รอบ|ครั้ง|งวด|นี้|ล่าสุด|ด้วย|ให้|หน่อย|\s)*$/;

/** What a sentence asking to report names after the word "รายงาน" ('' for nothing). */
function requested(raw: string): string {
  const at = raw.search(/รายงาน|report/i);
  const rest = at < 0 ? '' : trimRequest(raw.slice(at).replace(/^(รายงาน|report)/i, ''));
  if (ONLY_WHEN.test(rest)) return '';
  return titleQuery(rest).length >= 3 || looksLikeCode(rest) ? truncate(rest, MAX_REQUEST) : '';
}

/** "ส่งงาน EP-๐๓ ค่ะ": an item's code anywhere in the sentence. */
function codeNamed(typed: string): string | null {
  const code = /(?<![A-Za-z0-9])[A-Za-z]{1,6}\s*-?\s*[0-9๐-๙]{1,3}(?:-[0-9๐-๙]{1,3})*(?![0-9๐-๙])/.exec(typed)?.[0];
  return code && looksLikeCode(code) ? arabicDigits(code) : null;
}

/** "อัปเดตความคืบหน้าโครงการโรงเรียนคุณธรรม": the words from "โครงการ" (or มาตรการ, กิจกรรม) on name the item. */
function itemNamed(words: readonly string[]): string {
  const at = words.findIndex((w) => /^(?:โครงการ|มาตรการ|กิจกรรม)$/.test(w));
  if (at < 0) return '';
  const after = words.slice(at + 1).join('');
  return titleQuery(after).length >= 3 && !ONLY_WHEN.test(after) ? truncate(words.slice(at).join(''), MAX_REQUEST) : '';
}

/** The person's staff account while they are an officer; reports are theirs alone to make. */
function officerOf(ctx: ChatContext): StaffMember | null {
  const { staff } = ctx.sender;
  return staff && hasRole(staff.roles, 'officer') ? staff : null;
}

/**
 * For one step: only the measure it is about (found by `_id`, the cheap lookup), if still theirs; and the
 * last report on it when the step may need its answers (`withPrevious`), which most steps do not.
 */
async function factsFor(ctx: ChatContext, officer: StaffMember, measureId: string, withPrevious: boolean, allOfTheirs = false): Promise<StepFacts> {
  const fiscalYear = await ctx.org.activeFiscalYear();
  // All of them in one read, when the answer counts what is left to report: the one is among them.
  const measures = allOfTheirs
    ? await ctx.stores.measures.measuresForOfficer(fiscalYear, officer)
    : [await ctx.stores.measures.measureForOfficer(fiscalYear, officer, measureId)].filter((m): m is MeasureView => m !== null);
  const measure = measures.find((m) => m.id === measureId);
  const facts: StepFacts = { now: ctx.now, staff: officer, eventId: ctx.eventId, measures: measure ? measures : [], figures: figures(ctx.org.digits), fiscalYear };
  return withPrevious && measure ? { ...facts, previous: await lastReport(ctx, measure.id) } : facts;
}

/** The dialog's facts, and the fiscal year its measure was found in. */
type StepFacts = Facts & { fiscalYear: number };

const lastReport = async (ctx: ChatContext, measureId: string) => (await ctx.stores.progress.recentReports(measureId, 1))[0] ?? null;

/** The questions that offer the last report's answer again: only a step that reads or asks one needs it. */
const OFFERS_LAST_ANSWER: ReadonlySet<string> = new Set(['summary', 'outcome', 'problems', 'suggestions']);
/** The steps whose next question is one of those (status and reason lead to the summary). */
const LEADS_TO_LAST_ANSWER: ReadonlySet<string> = new Set([...OFFERS_LAST_ANSWER, 'status', 'reason']);

/**
 * Saves the report on the measure the step has just read (so it is not read again to be saved); while a
 * round's reminders run (`round`, with all the officer's items in `facts`), the answer adds what is still
 * awaiting in the round.
 */
const save =
  (ctx: ChatContext, officer: StaffMember, facts: StepFacts, round: Round | null = null): Perform<SaveReport> =>
  async (effect) => {
    const measure = facts.measures.find((m) => m.id === effect.report.measureId);
    await ctx.stores.progress.saveProgressReport({ report: effect.report, reporter: officer, reportedAt: ctx.now, eventId: ctx.eventId, measureRead: measure && { code: measure.code, fiscalYear: facts.fiscalYear } });
    return round ? roundLeft(ctx, officer, round, facts.measures, effect.report.measureId) : [];
  };

/** Starts the report on one item, or says why it cannot be reported on now (locked for the round). */
async function open(ctx: ChatContext, officer: StaffMember, m: MeasureView): Promise<Message[]> {
  const facts = await factsFor(ctx, officer, m.id, false);
  return ctx.run(pickMeasure(m.id, facts), save(ctx, officer, facts));
}

/** The officer's items still to report on, due first, with the completed ones behind one button. */
function dueList(ctx: ChatContext, officer: StaffMember, measures: MeasureView[], page: number, before: Message[] = []): Message[] {
  if (measures.length === 0) return [text(SAY.noMeasures(officer.unit))];
  const f = figures(ctx.org.digits);
  const { due, done } = dueFirst(measures, ctx.now);
  if (due.length === 0) return [...before, text(SAY.allDone(f.count(done.length)), [quickPostback(SEE_DONE, seeDonePostback(), SEE_DONE)])];
  return [...before, measureCarousel(due, page, 'due', done.length, ctx.now, f)];
}

/** The officer's completed items, or, when there are none yet, the list of those still to report on. */
function doneList(ctx: ChatContext, officer: StaffMember, measures: MeasureView[], page: number): Message[] {
  const { done } = dueFirst(measures, ctx.now);
  if (done.length === 0) return dueList(ctx, officer, measures, 1, measures.length > 0 ? [text(SAY.noneDone)] : []);
  return [measureCarousel(done, page, 'done', 0, undefined, figures(ctx.org.digits))];
}

/** `รายงาน <code>` or `รายงาน <words of its title>`: straight to the item, or the few it could be. */
async function goTo(ctx: ChatContext, officer: StaffMember, measures: MeasureView[], fiscalYear: number): Promise<Message[]> {
  const wanted = ctx.argument.trim();
  if (looksLikeCode(wanted)) {
    const mine = findByCode(measures, wanted);
    if (mine) return open(ctx, officer, mine);
    const other = await ctx.stores.measures.measureByCode(fiscalYear, wanted);
    if (other) return [text(SAY.notTheirs(other), [quickText('รายการของฉัน', 'รายงาน')])];
  }
  const { matches, best } = searchTitles(measures, wanted);
  if (best) return open(ctx, officer, best);
  if (matches.length > 0) {
    const f = figures(ctx.org.digits);
    return [text(SAY.choose(f.count(matches.length))), matchCarousel(matches.map((m) => m.item), ctx.now, f)];
  }
  const hint = /ทุจริต|ร้องเรียน|ร้องทุกข์|เบาะแส/.test(wanted) ? `\n${SAY.complaintHint}` : '';
  return dueList(ctx, officer, measures, 1, [text(`${SAY.notFound(wanted)}${hint}`)]);
}

/**
 * An officer's progress report: the list of their items, due first, or straight to one named by its code
 * or its title; then the report dialog on the one they pick (a reminder's card opens it too).
 */
export const report: Feature = {
  name: 'report',
  tiles: [{ menu: 'officer', place: 1, label: 'รายงานความก้าวหน้า', sends: { text: 'รายงาน' }, title: 'รายงาน', hint: 'ความก้าวหน้ามาตรการและโครงการของหน่วยงาน', colour: '#1F6FEB', icon: '<rect x="5" y="4" width="14" height="17" rx="2"/><rect x="9" y="2.5" width="6" height="3.5" rx="1"/><path d="M9 13l2 2 4-4"/>' }],
  menu: [{ for: ['officer'], order: 10, button: 'รายงาน', help: '"รายงาน" เลือกมาตรการหรือโครงการ โดยรายการที่ถึงกำหนดจะแสดงก่อน แล้วรายงานสถานะและผลการดำเนินงาน หรือพิมพ์รหัสหรือชื่อต่อท้ายเพื่อไปที่รายการนั้นทันที เช่น รายงาน EP-01 หรือ รายงานโครงการจัดเวทีประชาคม' }],
  words: ['รายงาน', 'report'],
  command: codeCommand,
  meaning: (plain) => (DONE_REQUEST.test(plain) ? SEE_DONE_ARGUMENT : null),
  cues: {
    weights: {
      รายงาน: 2, report: 2, คืบหน้า: 2, ก้าวหน้า: 2, progress: 2, ส่งงาน: 2, งานค้าง: 2, ค้างส่ง: 2,
      // Hints: updating, sending or filling in, and what is reported on.
      อัปเดต: 2, อัพเดต: 2, อัปเดท: 2, อัพเดท: 2, อัปเดด: 2, อัพเดด: 2, update: 2, submit: 1, 'my tasks': 2, todo: 2,
      // An officer's results are theirs to report.
      ผลการดำเนินงาน: 2, ผลการดำเนินการ: 2, ผลการปฏิบัติงาน: 2, ผลงาน: 2, งานของฉัน: 2, งานของผม: 2,
      // Slips: a letter left out or a tone mark dropped.
      รายาน: 2, รายงน: 2, คืบหนา: 2, ก้าวหนา: 2,
      ส่ง: 1, ส่งผล: 2, เพิ่มผล: 1.5, กรอก: 1, บันทึก: 1, ลง: 1, คีย์: 1, แจ้งผล: 1, สถานะ: 1, งานที่ต้อง: 1, รับผิดชอบ: 1.5, งาน: 0.5, ทำงาน: 0.5, ขอ: 0.5, จะ: 0.5,
      โครงการ: 1, มาตรการ: 1, กิจกรรม: 1, เสร็จแล้ว: 1.5,
    },
    argument: (message, typed) => (/รายงาน|report/i.test(typed) ? requested(typed) : (codeNamed(typed) ?? itemNamed(message.words))),
  },
  actions: REPORT_ACTIONS,
  allowed: (sender) => hasRole(sender.roles, 'officer'),
  refusal: CHAT_TEXT.officersOnly,
  startsDialog: true,
  async handle(ctx) {
    const officer = officerOf(ctx)!;
    const { input } = ctx;
    if (input.kind === 'postback' && input.action === REPORT_ACTIONS.reportBrief.name) {
      const facts = await factsFor(ctx, officer, input.params.m ?? '', false);
      const [m] = facts.measures;
      if (!m) return [text('ไม่พบมาตรการนี้ในรายการที่ท่านรับผิดชอบ')];
      const reports = await ctx.stores.progress.recentReports(m.id, 3);
      const actions = isLockedForRound(m, ctx.now) ? [] : [quickPostback('รายงานความก้าวหน้า', postbackData(REPORT_ACTIONS.reportPick, { m: m.id }))];
      return [measureBrief(m, reports, actions, figures(ctx.org.digits))];
    }
    if (input.kind === 'postback' && input.action === REPORT_ACTIONS.reportPick.name) {
      const measureId = input.params.m ?? '';
      const facts = await factsFor(ctx, officer, measureId, false);
      return ctx.run(pickMeasure(measureId, facts), save(ctx, officer, facts));
    }
    const fiscalYear = await ctx.org.activeFiscalYear();
    const measures = await ctx.stores.measures.measuresForOfficer(fiscalYear, officer);
    if (input.kind === 'postback' && input.action === REPORT_ACTIONS.reportPage.name) {
      const page = Number(input.params.p) || 1;
      return input.params.v === 'done' ? doneList(ctx, officer, measures, page) : dueList(ctx, officer, measures, page);
    }
    if (ctx.argument === SEE_DONE_ARGUMENT) return doneList(ctx, officer, measures, 1);
    if (ctx.argument.trim()) return goTo(ctx, officer, measures, fiscalYear);
    return dueList(ctx, officer, measures, 1);
  },
  dialog: {
    name: DIALOG,
    async continue(ctx) {
      const officer = officerOf(ctx);
      if (!isReportState(ctx.dialog)) return [];
      // A report dialog left from a role the person no longer holds is dropped.
      if (!officer) {
        await ctx.endDialog();
        return [text(CHAT_TEXT.officersOnly)];
      }
      const state = ctx.dialog;
      // Only the last step saves; while a round's reminders run, its answer counts what is left.
      const round = state.step === 'confirm' ? roundBeingReminded(ctx.now, ctx.org.roundReminderDaysBefore ?? []) : null;
      let facts = await factsFor(ctx, officer, state.data.measureId, LEADS_TO_LAST_ANSWER.has(state.step), round !== null);
      let outcome = continueReport(state, ctx.input, facts);
      // A draft sent back to a question that offers the last answer (one kept from an older version) reads it after all.
      if (facts.previous === undefined && facts.measures.length > 0 && outcome.state && OFFERS_LAST_ANSWER.has(outcome.state.step)) {
        facts = { ...facts, previous: await lastReport(ctx, state.data.measureId) };
        outcome = continueReport(state, ctx.input, facts);
      }
      return ctx.run(outcome, save(ctx, officer, facts, round));
    },
    async resume(ctx) {
      const officer = officerOf(ctx);
      if (!officer || !isReportState(ctx.dialog)) return [];
      return repeatPrompt(ctx.dialog, await factsFor(ctx, officer, ctx.dialog.data.measureId, OFFERS_LAST_ANSWER.has(ctx.dialog.step)));
    },
  },
};
