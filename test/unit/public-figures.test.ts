import { describe, expect, it } from 'vitest';
import { monthlyFigures, publicProjects, type PublicMeasure, type PublicReport } from '../../src/domain/public-figures.js';

const measure = (id: string, family: PublicMeasure['family'], fields: Partial<PublicMeasure> = {}): PublicMeasure => ({
  id,
  code: id,
  title: `โครงการ ${id}`,
  family,
  dimension: 1,
  responsibleUnits: [],
  periodText: 'ตลอดปีงบประมาณ',
  periodStart: new Date('2024-09-30T17:00:00Z'),
  periodEnd: new Date('2025-09-30T17:00:00Z'),
  budget: 1_000,
  status: 'not_started',
  disbursed: 0,
  lastReportAt: null,
  ...fields,
});
const report = (measureId: string, at: string, status: PublicReport['status'], fields: Partial<PublicReport> = {}): PublicReport => ({
  measureId,
  reportedAt: new Date(at),
  status,
  disbursed: null,
  outcome: null,
  summary: 'สรุป',
  cannotProceedReason: null,
  ...fields,
});

describe('the public figures', () => {
  it('give each month of the fiscal year the figures the report history had at its end, Bangkok time', () => {
    const measures = [measure('A', 'anticorruption_project', { status: 'completed', disbursed: 800 }), measure('B', 'anticorruption_project', { status: 'in_progress' })];
    const reports = [
      report('A', '2024-11-10T03:00:00Z', 'in_progress', { disbursed: 200 }),
      // 31 Jan 2025 20:00 in Bangkok: still January's.
      report('B', '2025-01-31T13:00:00Z', 'in_progress'),
      report('A', '2025-03-02T03:00:00Z', 'completed', { disbursed: 800 }),
    ];
    const months = monthlyFigures(2568, measures, reports, new Date('2025-04-15T00:00:00Z'));
    expect(months).toHaveLength(7);
    expect(months.map((m) => m.implementationPercent)).toEqual([0, 25, 25, 50, 50, 75, 75]);
    expect(months.map((m) => m.disbursementPercent)).toEqual([0, 10, 10, 10, 10, 40, 40]);
    expect(months.at(-1)!.asOf).toEqual(new Date('2025-04-15T00:00:00Z'));
  });

  it('list only plan projects, each with its newest outcome (else its summary) and why it cannot proceed', () => {
    const measures = [
      measure('EP-1', 'anticorruption_project', { status: 'completed' }),
      measure('EP-2', 'anticorruption_project', { status: 'cannot_proceed' }),
      measure('EP-3', 'anticorruption_project'),
      measure('IT-1', 'ita_measure'),
    ];
    const reports = [
      report('EP-1', '2025-01-01T00:00:00Z', 'in_progress', { outcome: 'ผลเก่า' }),
      report('EP-1', '2025-02-01T00:00:00Z', 'completed', { outcome: 'อบรม 120 คน' }),
      report('EP-2', '2025-02-01T00:00:00Z', 'cannot_proceed', { summary: 'งดโครงการ', cannotProceedReason: 'ไม่ได้รับงบประมาณ' }),
    ];
    const projects = publicProjects(measures, reports);
    expect(projects.map((p) => [p.code, p.result, p.reason])).toEqual([
      ['EP-1', 'อบรม 120 คน', null],
      ['EP-2', 'งดโครงการ', 'ไม่ได้รับงบประมาณ'],
      ['EP-3', null, null],
    ]);
  });
});
