import type { ImportKind } from '../domain/import-kinds.js';
import { INDICATOR_COLUMNS, OIT_COLUMNS } from '../oit-import/import-oit.js';
import { COLUMNS } from '../plan-import/validate-plan.js';

/**
 * Which kind a file is, from its header row alone, so an admin sends a file without saying what it is. Each
 * kind has headers no other kind's file carries: the plan its ประเภท and its items' names (มาตรการ/โครงการ),
 * the OIT list its ข้อ and ข้อมูล, the indicator table its คะแนน and ความก้าวหน้า. They are tried in that order;
 * the chosen kind's own check then names any required column the file lacks.
 */
const OWN_HEADERS: Record<ImportKind, readonly string[]> = {
  plan: [...COLUMNS.family, ...COLUMNS.title.filter((h) => !OIT_COLUMNS.title.includes(h))],
  oit: ['ข้อ', ...OIT_COLUMNS.title.filter((h) => !COLUMNS.title.includes(h)), ...OIT_COLUMNS.description],
  indicators: [...INDICATOR_COLUMNS.score, 'ความก้าวหน้า', 'progress'],
};

const ORDER: readonly ImportKind[] = ['plan', 'oit', 'indicators'];

export function detectKind(headers: readonly string[]): ImportKind | null {
  const has = new Set(headers.map((h) => h.trim().toLowerCase()));
  return ORDER.find((kind) => OWN_HEADERS[kind].some((h) => has.has(h.toLowerCase()))) ?? null;
}

/** Each kind's columns as the help and the unknown-file answer list them: the required ones, then the others. */
export const KIND_COLUMNS: Record<ImportKind, { required: readonly string[]; optional: readonly string[] }> = {
  plan: {
    required: [COLUMNS.code[0]!, COLUMNS.family[0]!, COLUMNS.title[0]!, COLUMNS.fiscalYear[0]!],
    optional: ['ลำดับ', 'ตัวชี้วัด', 'มิติ', 'วิธีดำเนินการ', 'หน่วยงานรับผิดชอบ', 'ผู้รับผิดชอบ', 'ระยะเวลา', 'งบประมาณ', 'เบิกจ่าย', 'แนวทาง', 'สถานะ', 'สรุปผล', 'ผลลัพธ์', 'ณ วันที่'],
  },
  oit: {
    required: [OIT_COLUMNS.code[0]!, OIT_COLUMNS.indicator[0]!, OIT_COLUMNS.title[0]!, OIT_COLUMNS.fiscalYear[0]!],
    optional: [OIT_COLUMNS.description[0]!, OIT_COLUMNS.units[0]!, OIT_COLUMNS.assignees[0]!],
  },
  indicators: {
    required: [INDICATOR_COLUMNS.number[0]!, INDICATOR_COLUMNS.score[0]!, INDICATOR_COLUMNS.fiscalYear[0]!],
    optional: [INDICATOR_COLUMNS.code[0]!, INDICATOR_COLUMNS.guideline[0]!, INDICATOR_COLUMNS.responsible[0]!, INDICATOR_COLUMNS.period[0]!, INDICATOR_COLUMNS.progress[0]!, INDICATOR_COLUMNS.status[0]!],
  },
};

/** The sample file of each kind in the project's examples/ folder. */
export const SAMPLE_FILE: Record<ImportKind, string> = { plan: 'plan-2568.csv', oit: 'oit-2567.csv', indicators: 'ita-indicators-2566.csv' };
