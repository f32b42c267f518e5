import type { AuditAction, AuditEntry, AuditVia } from './admin-audit.js';

/** Each kind of change as the log's readers name it (LINE and the CLI's export alike). */
export const AUDIT_ACTION_TH: Record<AuditAction, string> = {
  'staff.invite': 'เชิญเจ้าหน้าที่',
  'staff.roles': 'เปลี่ยนบทบาทเจ้าหน้าที่',
  'staff.revoke': 'เพิกถอนสิทธิ์เจ้าหน้าที่',
  'settings.change': 'เปลี่ยนการตั้งค่า',
  'import.plan': 'นำเข้าแผนประจำปี',
  'import.oit': 'นำเข้ารายการ OIT',
  'import.indicators': 'นำเข้าตารางตัวชี้วัด',
  'organisation.channel': 'ตั้งค่าช่องทาง LINE ของหน่วยงาน',
  'organisation.add': 'เพิ่มหน่วยงาน',
};

/** Where a change was made, as the export's column says it. */
export const AUDIT_VIA_TH: Record<AuditVia, string> = {
  line: 'LINE',
  cli: 'คำสั่งผู้ดูแลระบบ',
  onboarding: 'หน้าเริ่มต้นใช้งาน',
};

/**
 * A line's change as one readable phrase: "เดิม → ใหม่", or only the side there is (an invitation has no
 * before, a revocation no after); '' when the line records neither.
 */
export function auditChangeText(entry: Pick<AuditEntry, 'before' | 'after'>): string {
  if (entry.before && entry.after) return `${entry.before} → ${entry.after}`;
  if (entry.after) return `เป็น ${entry.after}`;
  if (entry.before) return `เดิม ${entry.before}`;
  return '';
}
