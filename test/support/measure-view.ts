import type { MeasureView } from '../../src/domain/measures.js';

/** A measure as the chat shows it: an ITA measure of สำนักปลัด over fiscal year 2568, nothing reported yet. */
export function aMeasureView(overrides: Partial<MeasureView> = {}): MeasureView {
  return {
    id: 'm1',
    code: 'ITA-01',
    title: 'มาตรการเผยแพร่ข้อมูลต่อสาธารณะ',
    family: 'ita_measure',
    status: 'in_progress',
    periodText: 'ตลอดปีงบประมาณ',
    periodStart: new Date('2024-09-30T17:00:00Z'),
    periodEnd: new Date('2025-09-30T17:00:00Z'),
    budget: 0,
    disbursed: 0,
    lastReportAt: null,
    dimension: null,
    responsibleUnits: ['สำนักปลัด'],
    guideline: null,
    methodSteps: [],
    reopenedAt: null,
    ...overrides,
  };
}
