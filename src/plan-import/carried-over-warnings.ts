import { carriedOverWarnings, moveYearsInText, type ImportingOrganisation, type ImportWarning } from '../domain/carried-over-text.js';
import { arabicDigits } from '../domain/thai.js';
import type { Table } from './read-table.js';

/**
 * The carried-over-text warnings of an imported file (domain/carried-over-text.ts), cell by cell, for every
 * import that reads a table: the plan, the OIT list, the indicator table. Warnings never stop an import.
 */
export interface WarningColumns {
  /** Accepted headers of each column of prose to check (the first found in the file is read). */
  text: readonly (readonly string[])[];
  /** Accepted headers of the row's fiscal year. */
  fiscalYear: readonly string[];
  /** Years the import moves the file by (the demo's sample data); the text is checked as it will be stored. */
  yearsMoved?: number;
  /** How many fiscal years before the row's own its text may name (1 for an OIT list: ITAS asks for last year's reports). */
  yearsBefore?: number;
}

const headerOf = (table: Table, names: readonly string[]) => table.headers.find((h) => names.some((n) => n.toLowerCase() === h.toLowerCase()));

export function tableWarnings(table: Table, organisation: ImportingOrganisation, columns: WarningColumns): ImportWarning[] {
  const yearHeader = headerOf(table, columns.fiscalYear);
  const textHeaders = columns.text.map((names) => headerOf(table, names)).filter((h): h is string => h !== undefined);
  const moved = columns.yearsMoved ?? 0;
  const warnings: ImportWarning[] = [];
  for (const { rowNumber, cells } of table.rows) {
    const fiscalYear = Number(arabicDigits(yearHeader ? (cells[yearHeader] ?? '') : '').trim());
    if (!Number.isInteger(fiscalYear) || fiscalYear < 2500) continue;
    const context = {
      organisation,
      fiscalYear: fiscalYear + moved,
      alsoYears: Array.from({ length: columns.yearsBefore ?? 0 }, (_, i) => fiscalYear + moved - i - 1),
    };
    for (const header of textHeaders) warnings.push(...carriedOverWarnings(rowNumber, header, moveYearsInText(cells[header] ?? '', moved), context));
  }
  return warnings;
}

/** The importing organisation as its record names it; an organisation not described yet has no name to compare. */
export function importingOrganisation(profile: { name: string; district: string; province: string } | null): ImportingOrganisation {
  return profile ?? { name: '', district: '', province: '' };
}
