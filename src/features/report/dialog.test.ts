import { describe, expect, it } from 'vitest';
import { continueReport, pickMeasure, type Facts, type ReportEffect } from './dialog.js';
import type { MeasureView } from '../../domain/measures.js';

import type { DialogInput, Outcome } from '../../dialogs/types.js';
import { REPORT_ACTIONS } from './actions.js';

const project: MeasureView = {
  id: 'm1',
  code: 'EP-03',
  title: 'โครงการอบรมคุณธรรมจริยธรรม',
  family: 'anticorruption_project',
  status: 'not_started',
  periodText: 'ต.ค. 67 - ก.ย. 68',
  periodStart: new Date('2024-09-30T17:00:00Z'),
  periodEnd: new Date('2025-09-30T17:00:00Z'),
  budget: 20_000,
  disbursed: 0,
  lastReportAt: null,
  responsibleUnits: ['สำนักปลัด'],
  guideline: null,
  methodSteps: [],
  reopenedAt: null,
  dimension: null,
};
const measure: MeasureView = { ...project, id: 'm2', code: 'ITA-01', family: 'ita_measure', budget: 0 };
const facts: Facts = {
  now: new Date('2025-03-01T03:00:00Z'),
  staff: { lineUserId: 'U1', displayName: 'สมศรี', roles: ['officer'], unit: 'สำนักปลัด' },
  measures: [project, measure],
  eventId: 'evt-pick',
};

const say = (t: string): DialogInput => ({ kind: 'text', text: t });
const status = (s: string): DialogInput => ({ kind: 'postback', action: REPORT_ACTIONS.reportStatus.name, params: { s } });

/** Picks a measure and answers each step in turn; returns every outcome. */
function walk(measureId: string, ...inputs: DialogInput[]): Outcome<ReportEffect>[] {
  const outcomes = [pickMeasure(measureId, facts)];
  for (const input of inputs) {
    const state = outcomes[outcomes.length - 1]!.state as Parameters<typeof continueReport>[0];
    outcomes.push(continueReport(state, input, facts));
  }
  return outcomes;
}
const stepOf = (o: Outcome<ReportEffect>) => (o.state as { step?: string } | null | undefined)?.step ?? null;
const saved = (o: Outcome<ReportEffect>) => o.effects?.find((e) => e.type === 'saveReport');

describe('the officer report dialog', () => {
  it('asks for the disbursement of a plan project with a budget, reads Thai digits, and saves once on confirm', () => {
    const outcomes = walk('m1', status('in_progress'), say('จัดอบรมแล้ว 2 รุ่น'), say('ผู้เข้าอบรม 80 คน'), say('ข้าม'), say('ควรจัดทุกปี'), say('๑๕,๐๐๐ บาท'), say('ยืนยัน'));
    expect(outcomes.map(stepOf)).toEqual(['status', 'summary', 'outcome', 'problems', 'suggestions', 'disbursed', 'confirm', null]);
    expect(saved(outcomes[7]!)).toMatchObject({
      report: { measureId: 'm1', status: 'in_progress', summary: 'จัดอบรมแล้ว 2 รุ่น', outcome: 'ผู้เข้าอบรม 80 คน', problems: null, suggestions: 'ควรจัดทุกปี', disbursed: 15_000 },
    });
  });

  it('skips the disbursement for a measure without a budget', () => {
    const outcomes = walk('m2', status('completed'), say('เผยแพร่ประกาศแล้ว'), say('ประชาชนเข้าถึงประกาศทางเว็บไซต์'), say('ไม่มี'), say('ไม่มี'));
    expect(outcomes.map(stepOf)).toEqual(['status', 'summary', 'outcome', 'problems', 'suggestions', 'confirm']);
  });

  it('requires a reason when the measure cannot proceed', () => {
    const outcomes = walk('m2', status('cannot_proceed'), say('ไม่ได้รับงบประมาณ'), say('รอปีหน้า'));
    expect(outcomes.map(stepOf)).toEqual(['status', 'reason', 'summary', 'outcome']);
    expect(outcomes[3]!.state).toMatchObject({ data: { reason: 'ไม่ได้รับงบประมาณ' } });
  });

  it('refuses an amount over the budget or not a number, and stays at that step', () => {
    const [, , , , , , over, junk] = walk('m1', status('in_progress'), say('ดำเนินการ'), say('ข้าม'), say('ข้าม'), say('ข้าม'), say('25000'), say('สองหมื่น'));
    expect(stepOf(over!)).toBe('disbursed');
    expect(JSON.stringify(over!.replies)).toContain('ต้องไม่เกินงบประมาณ');
    expect(stepOf(junk!)).toBe('disbursed');
  });

  it('keeps evidence sent before the summary, and stores each file once', () => {
    const [, , photo] = walk('m2', status('in_progress'), { kind: 'media', mediaKind: 'image', messageId: 'msg-9', fileName: null });
    expect(stepOf(photo!)).toBe('summary');
    expect(photo!.effects).toEqual([{ type: 'storeAttachment', attachment: { kind: 'image', lineMessageId: 'msg-9', fileName: null } }]);
  });

  it('refuses a confirm button from another draft, and one pressed before the confirmation step', () => {
    const outcomes = walk('m2', status('completed'), say('เสร็จแล้ว'), say('ผู้เข้าร่วม 40 คน'), say('ข้าม'), say('ข้าม'));
    const state = outcomes[5]!.state as Parameters<typeof continueReport>[0];
    const stale = continueReport(state, { kind: 'postback', action: REPORT_ACTIONS.reportConfirm.name, params: { d: 'evt-older' } }, facts);
    expect(saved(stale)).toBeUndefined();
    expect(JSON.stringify(stale.replies)).toContain('ปุ่มนี้เป็นของรายการเก่า');
    const early = walk('m2', status('completed'))[1]!;
    const tooSoon = continueReport(early.state as Parameters<typeof continueReport>[0], { kind: 'postback', action: REPORT_ACTIONS.reportConfirm.name, params: { d: 'evt-pick' } }, facts);
    expect(saved(tooSoon)).toBeUndefined();
  });

  it('offers the last report\'s answers again, and the amount already disbursed', () => {
    const previous = { reportedAt: new Date('2025-01-10T03:00:00Z'), reporterName: 'สมศรี', reporterUnit: null, status: 'in_progress' as const, summary: 'อบรมรุ่นที่ 1', outcome: 'ผู้เข้าอบรม 40 คน', problems: null, suggestions: null };
    const withHistory: Facts = { ...facts, previous, measures: [{ ...project, disbursed: 8_000 }] };
    const start = pickMeasure('m1', withHistory);
    const askSummary = continueReport(start.state as Parameters<typeof continueReport>[0], status('in_progress'), withHistory);
    expect(JSON.stringify(askSummary.replies)).toContain('อบรมรุ่นที่ 1');
    const askOutcome = continueReport(askSummary.state as Parameters<typeof continueReport>[0], say('อบรมรุ่นที่ 2'), withHistory);
    const askProblems = continueReport(askOutcome.state as Parameters<typeof continueReport>[0], say('ใช้ข้อความเดิม'), withHistory);
    expect(askProblems.state).toMatchObject({ step: 'problems', data: { summary: 'อบรมรุ่นที่ 2', outcome: 'ผู้เข้าอบรม 40 คน' } });
    // No earlier answer to problems: the words are an answer like any other.
    const askSuggestions = continueReport(askProblems.state as Parameters<typeof continueReport>[0], say('ใช้ข้อความเดิม'), withHistory);
    expect(askSuggestions.state).toMatchObject({ data: { problems: 'ใช้ข้อความเดิม' } });
    const askDisbursed = continueReport(askSuggestions.state as Parameters<typeof continueReport>[0], say('ข้าม'), withHistory);
    expect(JSON.stringify(askDisbursed.replies)).toContain('8,000.00');
  });

  it('does not save a completed item without its outcome: no skip button, a skip is asked again', () => {
    const [, , askOutcome, skipped, none, answered] = walk('m2', status('completed'), say('เผยแพร่ประกาศแล้ว'), say('ข้าม'), say('ไม่มี'), say('ประชาชนเข้าถึงประกาศทางเว็บไซต์'));
    const labels = (o: Outcome<ReportEffect>) => o.replies.flatMap((r: any) => r.quickReply?.items.map((i: any) => i.action.label) ?? []);
    expect(stepOf(askOutcome!)).toBe('outcome');
    expect(labels(askOutcome!)).not.toContain('ข้าม');
    expect(JSON.stringify(askOutcome!.replies)).toContain('ต้องระบุผลลัพธ์');
    for (const refused of [skipped!, none!]) {
      expect(stepOf(refused)).toBe('outcome');
      expect(JSON.stringify(refused.replies)).toContain('ต้องระบุผลลัพธ์หรือความสำเร็จ');
    }
    expect(answered!.state).toMatchObject({ step: 'problems', data: { outcome: 'ประชาชนเข้าถึงประกาศทางเว็บไซต์' } });
    // Another status may still skip it.
    const inProgress = walk('m2', status('in_progress'), say('เตรียมประกาศ'), say('ข้าม'));
    expect(stepOf(inProgress[3]!)).toBe('problems');
  });

  it('refuses a completed draft without an outcome at the confirm button too', () => {
    const state = { dialog: 'officer_report', step: 'confirm' as const, data: { draftId: 'evt-pick', measureId: 'm2', status: 'completed' as const, summary: 'เสร็จ', outcome: null, attachments: [] } };
    const pressed = continueReport(state, { kind: 'postback', action: REPORT_ACTIONS.reportConfirm.name, params: { d: 'evt-pick' } }, facts);
    expect(saved(pressed)).toBeUndefined();
    expect(stepOf(pressed)).toBe('outcome');
  });

  it('keeps "use the previous text" on offer after a photo is sent at the summary', () => {
    const previous = { reportedAt: new Date('2025-01-10T03:00:00Z'), reporterName: 'สมศรี', reporterUnit: null, status: 'in_progress' as const, summary: 'อบรมรุ่นที่ 1', outcome: null, problems: null, suggestions: null };
    const withHistory: Facts = { ...facts, previous };
    const start = pickMeasure('m2', withHistory);
    const askSummary = continueReport(start.state as Parameters<typeof continueReport>[0], status('in_progress'), withHistory);
    const photo = continueReport(askSummary.state as Parameters<typeof continueReport>[0], { kind: 'media', mediaKind: 'image', messageId: 'msg-1', fileName: null }, withHistory);
    expect(photo.replies.flatMap((r: any) => r.quickReply?.items.map((i: any) => i.action.label) ?? [])).toEqual(['ใช้ข้อความเดิม', 'ยกเลิก']);
    const reused = continueReport(photo.state as Parameters<typeof continueReport>[0], say('ใช้ข้อความเดิม'), withHistory);
    expect(reused.state).toMatchObject({ step: 'outcome', data: { summary: 'อบรมรุ่นที่ 1', attachments: [{ lineMessageId: 'msg-1' }] } });
  });

  it('answers a measure the officer does not answer for with "not found", and no dialog', () => {
    expect(pickMeasure('someone-elses', facts)).toMatchObject({ state: null });
  });
});
