import { TZDate } from '@date-fns/tz';
import type { AuditEntry } from './admin-audit.js';
import { AUDIT_ACTION_TH, AUDIT_VIA_TH } from './admin-audit-text.js';
import { TIME_ZONE } from './time-zone.js';

/** The export's columns, in Thai as the admin reads them in Excel. */
export const AUDIT_CSV_HEADER = ['วันเวลา (เวลาประเทศไทย)', 'ช่องทาง', 'ผู้ดำเนินการ', 'การดำเนินการ', 'รายการ', 'ค่าเดิม', 'ค่าใหม่'] as const;

/** Excel opens a UTF-8 CSV as Thai only when it starts with the byte-order mark. */
const BOM = '\uFEFF';

/** "2026-12-05 14:05:09", Bangkok time: a form Excel reads as a date-time and sorts by. */
function bangkokTime(at: Date): string {
  const d = new TZDate(at, TIME_ZONE);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/**
 * One field: quoted when it holds a comma, quote or line break. A value a person typed that starts like a
 * formula (a name "=HYPERLINK(…)") gets a leading apostrophe, so a spreadsheet shows it rather than runs it.
 */
function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) && value !== '-' ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The whole log as a CSV file's text, oldest line first, with its Thai header row. */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const rows = entries.map((e) => [bangkokTime(e.at), AUDIT_VIA_TH[e.actor.via], e.actor.name, AUDIT_ACTION_TH[e.action], e.subject, e.before, e.after]);
  return `${BOM}${[AUDIT_CSV_HEADER, ...rows].map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}
