import type { RowProblem } from './validate-plan.js';

/**
 * The words of an import's outcome, shared by the CLI and the chat so that a refused file reads the same
 * wherever it was sent. `count` writes the bot's own figures (the chat's digit style; the CLI's Arabic).
 */
type Count = (n: number) => string;
const arabic: Count = (n) => String(n);

/** One problem or warning: the row and column a person sees in the file, and what is wrong there. */
export const problemLine = (p: RowProblem, count: Count = arabic): string => `แถว ${count(p.row)} คอลัมน์ "${p.column}": ${p.message}`;

export function formatProblems(problems: readonly RowProblem[], count: Count = arabic): string {
  return problems.map((p) => problemLine(p, count)).join('\n');
}

/** Above a refused file's problems: how many, and the promise that nothing was saved. */
export const problemsHeading = (problems: number, count: Count = arabic): string => `ไม่ได้นำเข้า: พบข้อผิดพลาด ${count(problems)} รายการ (ยังไม่มีข้อมูลใดถูกบันทึก)`;

/** Above the carried-over-text warnings (domain/carried-over-text.ts); `before` when nothing is imported yet. */
export function warningsHeading(warnings: number, before: boolean, count: Count = arabic): string {
  const then = before ? 'ตรวจแก้ในไฟล์ก่อนนำเข้าจริง' : 'หากต้องการแก้ ให้แก้ในไฟล์แล้วนำเข้าอีกครั้ง';
  return `คำเตือน ${count(warnings)} รายการ: ข้อความต่อไปนี้อาจคัดลอกมาจากเอกสารของหน่วยงานอื่นหรือของปีอื่น ${then}`;
}
