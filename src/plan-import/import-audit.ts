import { recordAudit } from '../db/admin-audit-store.js';
import type { AuditAction, AuditActor } from '../domain/admin-audit.js';
import { sourceName, type TableSource } from './read-table.js';

/**
 * The management log's line of an import, written by the import itself so that the CLI and LINE (one code path)
 * log it alike: the file's name, and what it added and updated. A dry run and a refused file change nothing
 * and write nothing.
 */
export async function recordImport(
  orgId: string,
  { action, actor, source, created, updated, at }: { action: AuditAction; actor: AuditActor; source: TableSource; created: number; updated: number; at: Date },
): Promise<void> {
  await recordAudit(orgId, { action, actor, subject: sourceName(source), before: '', after: importFigures(created, updated) }, at);
}

/** The log's "after" of an import: what an admin reads back (`บันทึกการจัดการ`). */
export const importFigures = (created: number, updated: number): string => `เพิ่ม ${created} ปรับปรุง ${updated}`;
