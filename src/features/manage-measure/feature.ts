import { askNewValue, continueEdit, DIALOG, isEditState, repeatEditPrompt, type EditMeasure } from './dialog.js';
import { EDITABLE_FIELDS, isEditableField, isLockedForRound, type EditableField, type MeasureView } from '../../domain/measures.js';
import { hasRole } from '../../domain/roles.js';
import { figures, type Figures } from '../../domain/figures.js';
import { truncate } from '../../domain/thai.js';
import { measureBrief } from '../../flex/measure-cards.js';
import { quickPostback, text, type Message } from '../../line/messages.js';
import { postbackData } from '../../line/postback.js';
import type { ChatContext, Feature } from '../common/context.js';
import { MANAGE_MEASURE_ACTIONS } from './actions.js';

const SAY = {
  usage: 'กรุณาพิมพ์ "รายการ" ตามด้วยรหัส เช่น รายการ EP-03',
  notFound: (code: string) => `ไม่พบรายการรหัส ${code} ในปีงบประมาณนี้`,
  reopened: (code: string) => `เปิดให้รายงาน ${code} ได้อีกครั้งแล้ว เจ้าหน้าที่ผู้รับผิดชอบรายงานใหม่ได้ทันที`,
  notLocked: (code: string) => `${code} ไม่ได้ปิดการรายงานอยู่ รายงานได้ตามปกติ`,
  unchanged: 'ค่าใหม่เหมือนค่าเดิม จึงไม่ได้แก้ไข',
  saved: (code: string, field: EditableField, before: string, after: string) =>
    `แก้ไข${EDITABLE_FIELDS[field]}ของ ${code} แล้ว\nเดิม: ${truncate(before || '-', 800)}\nใหม่: ${truncate(after || '-', 800)}`,
} as const;

const FIELD_BUTTON: Record<EditableField, string> = {
  title: 'แก้ไขชื่อ',
  responsibleUnits: 'แก้ไขผู้รับผิดชอบ',
  budget: 'แก้ไขงบประมาณ',
  guideline: 'แก้ไขแนวทาง',
  methodSteps: 'แก้ไขวิธีดำเนินการ',
};

function shown(m: MeasureView, field: EditableField, f: Figures): string {
  switch (field) {
    case 'title':
      return m.title;
    case 'responsibleUnits':
      return m.responsibleUnits.join(', ');
    case 'budget':
      return `${f.baht(m.budget)} บาท`;
    case 'guideline':
      return m.guideline ?? '';
    case 'methodSteps':
      return m.methodSteps.join('\n');
  }
}

/** The item's brief with what an admin can do to it as buttons. */
async function adminBrief(ctx: ChatContext, m: MeasureView): Promise<Message[]> {
  const reports = await ctx.stores.progress.recentReports(m.id, 3);
  const actions = [
    ...(isLockedForRound(m, ctx.now) ? [quickPostback('เปิดให้รายงานใหม่', postbackData(MANAGE_MEASURE_ACTIONS.measureReopen, { m: m.id }))] : []),
    ...(Object.keys(EDITABLE_FIELDS) as EditableField[]).map((f) => quickPostback(FIELD_BUTTON[f], postbackData(MANAGE_MEASURE_ACTIONS.measureEdit, { m: m.id, f }))),
  ];
  return [measureBrief(m, reports, actions, figures(ctx.org.digits))];
}

async function performEdit(ctx: ChatContext, effect: EditMeasure): Promise<Message[]> {
  const { change } = effect;
  const m = await ctx.stores.measures.measureById(effect.measureId);
  if (!m) return [text(SAY.notFound(''))];
  const by = ctx.sender.staff?.displayName || 'ผู้ดูแลระบบ';
  const recorded = await ctx.stores.measures.editMeasure({ id: m.id, edit: change, by, at: ctx.now });
  return [text(recorded ? SAY.saved(m.code, change.field, recorded.before, recorded.after) : SAY.unchanged)];
}

/** An admin looking at one item of the plan, editing it, or opening a completed one for reporting again. */
export const manageMeasure: Feature = {
  name: 'manageMeasure',
  command(t) {
    const m = t.trim().match(/^(?:แก้ไขรายการ|รายการ|item|edit)(?:\s*([A-Za-z][A-Za-z0-9๐-๙.\-/]*|[0-9๐-๙][0-9๐-๙.\-/]*))?$/i);
    return m ? (m[1] ?? '') : null;
  },
  actions: MANAGE_MEASURE_ACTIONS,
  allowed: (sender) => hasRole(sender.roles, 'admin'),
  refusal: 'คำสั่งนี้สำหรับผู้ดูแลระบบเท่านั้น',
  async handle(ctx) {
    const { input } = ctx;
    if (input.kind === 'postback') {
      const m = await ctx.stores.measures.measureById(input.params.m ?? '');
      if (!m) return [text(SAY.notFound(''))];
      if (input.action === MANAGE_MEASURE_ACTIONS.measureReopen.name) {
        if (!isLockedForRound(m, ctx.now)) return [text(SAY.notLocked(m.code))];
        await ctx.stores.measures.reopenMeasure({ id: m.id, by: ctx.sender.staff?.displayName || 'ผู้ดูแลระบบ', at: ctx.now });
        return [text(SAY.reopened(m.code))];
      }
      const field = input.params.f;
      if (!isEditableField(field)) return [text(SAY.notFound(m.code))];
      return ctx.run(askNewValue({ measureId: m.id, code: m.code, field, current: shown(m, field, figures(ctx.org.digits)) }));
    }
    if (!ctx.argument) return [text(SAY.usage)];
    const fiscalYear = await ctx.org.activeFiscalYear();
    const m = await ctx.stores.measures.measureByCode(fiscalYear, ctx.argument);
    return m ? adminBrief(ctx, m) : [text(SAY.notFound(ctx.argument))];
  },
  dialog: {
    name: DIALOG,
    async continue(ctx) {
      if (!isEditState(ctx.dialog)) return [];
      if (!hasRole(ctx.sender.roles, 'admin')) {
        await ctx.endDialog();
        return [text('คำสั่งนี้สำหรับผู้ดูแลระบบเท่านั้น')];
      }
      return ctx.run(continueEdit(ctx.dialog, ctx.input), (effect) => performEdit(ctx, effect));
    },
    resume: async (ctx) => (isEditState(ctx.dialog) ? repeatEditPrompt(ctx.dialog) : []),
  },
};
