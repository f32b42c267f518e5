import { continueReport, DIALOG, isReportState, pickMeasure, repeatPrompt, type Facts, type SaveReport } from '../../dialogs/officer-report.js';
import { hasRole } from '../../domain/roles.js';
import type { StaffMember } from '../../domain/staff.js';
import { isLockedForRound } from '../../domain/measures.js';
import { measureBrief, measureCarousel } from '../../flex/measure-cards.js';
import { quickPostback, text } from '../../line/messages.js';
import { ACTION, postbackData } from '../../line/postback.js';
import { CHAT_TEXT } from '../texts.js';
import type { ChatContext, Feature, Perform } from '../context.js';

const noMeasures = (unit: string | null) =>
  `ยังไม่มีมาตรการหรือโครงการที่${unit ?? 'ท่าน'}รับผิดชอบในปีงบประมาณนี้ หากไม่ถูกต้อง กรุณาแจ้งผู้ดูแลระบบ`;

/** The person's staff account while they are an officer; reports are theirs alone to make. */
function officerOf(ctx: ChatContext): StaffMember | null {
  const { staff } = ctx.sender;
  return staff && hasRole(staff.roles, 'officer') ? staff : null;
}

/** For one step: only the measure it is about (found by `_id`, the cheap lookup), if still theirs. */
async function factsFor(ctx: ChatContext, officer: StaffMember, measureId: string): Promise<Facts> {
  const fiscalYear = await ctx.stores.organisations.activeFiscalYear(ctx.org.id);
  const measure = await ctx.stores.measures.measureForOfficer(ctx.org.id, fiscalYear, officer, measureId);
  const [previous] = measure ? await ctx.stores.progress.recentReports(ctx.org.id, measure.id, 1) : [];
  return { now: ctx.now, staff: officer, eventId: ctx.eventId, measures: measure ? [measure] : [], previous: previous ?? null };
}

const save =
  (ctx: ChatContext, officer: StaffMember): Perform<SaveReport> =>
  async (effect) => {
    await ctx.stores.progress.saveProgressReport(ctx.org.id, effect.report, officer, ctx.now, ctx.eventId);
  };

/**
 * An officer's progress report: the carousel of their measures, then the report dialog on the one they
 * tap (a reminder's card opens it too).
 */
export const report: Feature = {
  name: 'report',
  words: ['รายงาน', 'report'],
  meaning: /^(ขอ|จะ|ต้องการ|อยาก)?(ส่ง)?รายงาน|รายงานความก้าวหน้า|รายงานผล|^report/,
  postbacks: [ACTION.reportPick, ACTION.reportPage, ACTION.reportBrief],
  allowed: (sender) => hasRole(sender.roles, 'officer'),
  refusal: CHAT_TEXT.officersOnly,
  startsDialog: true,
  async handle(ctx) {
    const officer = officerOf(ctx)!;
    const { input } = ctx;
    if (input.kind === 'postback' && input.action === ACTION.reportBrief) {
      const facts = await factsFor(ctx, officer, input.params.m ?? '');
      const [m] = facts.measures;
      if (!m) return [text('ไม่พบมาตรการนี้ในรายการที่ท่านรับผิดชอบ')];
      const reports = await ctx.stores.progress.recentReports(ctx.org.id, m.id, 3);
      const actions = isLockedForRound(m, ctx.now) ? [] : [quickPostback('รายงานความก้าวหน้า', postbackData(ACTION.reportPick, { m: m.id }))];
      return [measureBrief(m, reports, actions)];
    }
    if (input.kind === 'postback' && input.action === ACTION.reportPick) {
      const measureId = input.params.m ?? '';
      return ctx.run(pickMeasure(measureId, await factsFor(ctx, officer, measureId)), save(ctx, officer));
    }
    const fiscalYear = await ctx.stores.organisations.activeFiscalYear(ctx.org.id);
    const measures = await ctx.stores.measures.measuresForOfficer(ctx.org.id, fiscalYear, officer);
    if (measures.length === 0) return [text(noMeasures(officer.unit))];
    const page = input.kind === 'postback' ? Number(input.params.p) || 1 : 1;
    return [measureCarousel(measures, page)];
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
      const facts = await factsFor(ctx, officer, ctx.dialog.data.measureId);
      return ctx.run(continueReport(ctx.dialog, ctx.input, facts), save(ctx, officer));
    },
    async resume(ctx) {
      const officer = officerOf(ctx);
      if (!officer || !isReportState(ctx.dialog)) return [];
      return repeatPrompt(ctx.dialog, await factsFor(ctx, officer, ctx.dialog.data.measureId));
    },
  },
};
