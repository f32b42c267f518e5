import { InvalidArgumentError } from 'commander';
import { formatProblems, problemsHeading, warningsHeading } from '../plan-import/import-text.js';
import type { ImportWarning } from '../domain/carried-over-text.js';
import type { RowProblem } from '../plan-import/validate-plan.js';
import type { CliContext } from './context.js';

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
export function printImportProblems(cli: CliContext, problems: RowProblem[]): void {
  cli.complain(problemsHeading(problems.length));
  cli.complain(formatProblems(problems));
  cli.fail();
}

/**
 * Text of an imported file that names another organisation or another fiscal year, row by row: printed after
 * the import's own line, which stands (the file was imported), so the operator can correct the file and import it again.
 */
export function printImportWarnings(cli: CliContext, warnings: readonly ImportWarning[] | undefined, dryRun: boolean): void {
  if (!warnings || warnings.length === 0) return;
  cli.say(warningsHeading(warnings.length, dryRun));
  cli.say(formatProblems([...warnings]));
}
