import { InvalidArgumentError } from 'commander';
import { formatProblems } from './plan-import/import-plan.js';
import type { RowProblem } from './plan-import/validate-plan.js';

/** A Buddhist-era fiscal year as operators type it. */
export function fiscalYearArgument(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 2500) throw new InvalidArgumentError('ต้องเป็นปี พ.ศ. เช่น 2569');
  return n;
}

/** An ITA score, 0–100. */
export function scoreArgument(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 100) throw new InvalidArgumentError('ต้องเป็น 0–100');
  return n;
}

/** A file refused by an import: every problem by row and column, and the promise that nothing was saved. */
export function printImportProblems(problems: RowProblem[]): void {
  console.error(`ไม่ได้นำเข้า: พบข้อผิดพลาด ${problems.length} รายการ (ยังไม่มีข้อมูลใดถูกบันทึก)`);
  console.error(formatProblems(problems));
  process.exitCode = 1;
}
