import { createHash } from 'node:crypto';
import { staffId } from '../db/models/staff.js';
import type { OrgBound } from '../db/org-scope.js';
import type { ImportWarning } from '../domain/carried-over-text.js';
import type { ImportKind } from '../domain/import-kinds.js';
import { planFieldTh } from '../domain/measures.js';
import { importIndicators, importOitItems, type ImportChange } from '../oit-import/import-oit.js';
import { importPlan } from '../plan-import/import-plan.js';
import type { TableSource } from '../plan-import/read-table.js';
import type { RowProblem } from '../plan-import/validate-plan.js';

/**
 * A file sent in LINE, run through the same import functions as the CLI's `import`, `oit import` and
 * `indicators import` (one code path): first as a dry run for the preview, then for real on "นำเข้า". The
 * three kinds' results are given one shape here, so the chat shows them alike.
 */
export interface ImportSummary {
  kind: ImportKind;
  fiscalYears: number[];
  created: number;
  updated: number;
  /** Codes the file adds. */
  added: string[];
  /** Fields of existing items the file changes, before → after, each field by its Thai name. */
  changes: ImportChange[];
  /** Codes the organisation has for the file's years and the file lacks: kept, not deleted. */
  notInFile: string[];
  warnings: ImportWarning[];
  /** A plan's rows that carry a result, recorded as imported reports. */
  results: number;
  /** A plan's rows naming an OIT item, written onto the OIT list. */
  toOitList: number;
}

export type ImportCheck = { ok: true; summary: ImportSummary; fingerprint: string } | { ok: false; problems: RowProblem[] };

/** Who imports from LINE: the admin's LINE id (their staff record's key) and their name as the log shows it. */
export interface LineImporter {
  lineUserId: string;
  name: string;
}

async function run(orgId: string, kind: ImportKind, source: TableSource, options: { dryRun: boolean; now: Date; importer?: LineImporter }): Promise<ImportCheck> {
  const actor = options.importer && { via: 'line' as const, staffId: staffId(orgId, options.importer.lineUserId), name: options.importer.name };
  const by = options.importer?.name;
  const common = { dryRun: options.dryRun, now: options.now, actor };
  if (kind === 'plan') {
    const r = await importPlan(orgId, source, { ...common, ...(by ? { by } : {}) });
    if (!r.ok) return r;
    const changes = r.changes.map((c) => ({ ...c, field: planFieldTh(c.field) }));
    return checked({ kind, fiscalYears: [r.fiscalYear], created: r.created, updated: r.updated, added: r.added, changes, notInFile: r.notInFile, warnings: r.warnings, results: r.results, toOitList: r.toOitList });
  }
  const r = kind === 'oit' ? await importOitItems(orgId, source, common) : await importIndicators(orgId, source, { ...common, ...(by ? { by } : {}) });
  if (!r.ok) return r;
  return checked({ kind, fiscalYears: r.fiscalYears, created: r.created, updated: r.updated, added: r.added, changes: r.changes, notInFile: r.notInFile, warnings: r.warnings ?? [], results: 0, toOitList: 0 });
}

/** The summary and a hash of what it would change: the data changed in between when a later check hashes otherwise. */
function checked(summary: ImportSummary): ImportCheck {
  const { added, changes, notInFile, created, updated } = summary;
  const fingerprint = createHash('sha256').update(JSON.stringify({ added, changes, notInFile, created, updated })).digest('base64url').slice(0, 22);
  return { ok: true, summary, fingerprint };
}

/** Checks a file all or nothing and says what importing it would change; writes nothing. */
export function previewImport(orgId: string, { kind, source, now }: { kind: ImportKind; source: TableSource; now: Date }): Promise<ImportCheck> {
  return run(orgId, kind, source, { dryRun: true, now });
}

/** Imports a file as the CLI does (history, change records), with one management-log line naming the admin. */
export function importFile(orgId: string, { kind, source, now, importer }: { kind: ImportKind; source: TableSource; now: Date; importer: LineImporter }): Promise<ImportCheck> {
  return run(orgId, kind, source, { dryRun: false, now, importer });
}

/** The two for one organisation, as a chat feature uses them: it cannot name another. */
export function fileImportsOf(orgId: string): { previewImport: OrgBound<typeof previewImport>; importFile: OrgBound<typeof importFile> } {
  return { previewImport: (args) => previewImport(orgId, args), importFile: (args) => importFile(orgId, args) };
}
