/**
 * The organisation's management log (`บันทึกการจัดการ`): one line for every change an admin or operator makes to
 * how the organisation runs (staff, roles, settings, imports, channel). Append-only: a line is never edited, so it
 * stays the record of who decided what, whichever way (LINE, CLI, onboarding page) the change was made.
 */

/** Where a change was made from. */
export const AUDIT_VIA = ['line', 'cli', 'onboarding'] as const;
export type AuditVia = (typeof AUDIT_VIA)[number];

/** What kind of change: the log's readers filter and read by it. */
export const AUDIT_ACTIONS = [
  'staff.invite',
  'staff.roles',
  'staff.revoke',
  'settings.change',
  'import.plan',
  'import.oit',
  'import.indicators',
  'organisation.channel',
  'organisation.add',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who made a change: a linked staff account (LINE), or the operator's terminal or the onboarding page. */
export interface AuditActor {
  via: AuditVia;
  /** The admin's staff id when made in LINE; null from the CLI and the onboarding page. */
  staffId: string | null;
  /** The name the log shows: the admin's name as recorded, or `ผู้ดูแลระบบ (คำสั่ง)` for the terminal. */
  name: string;
}

/** One line of the log, as written. `before`/`after` are what a reader sees ("" when there was nothing). */
export interface AuditEntryInput {
  action: AuditAction;
  actor: AuditActor;
  /** What was changed, as readers name it: a person's name, a setting's Thai name, a file's name. */
  subject: string;
  before: string;
  after: string;
}

export interface AuditEntry extends AuditEntryInput {
  id: string;
  at: Date;
}

/** The log line's actor when an operator types a command. */
export const CLI_ACTOR: AuditActor = { via: 'cli', staffId: null, name: 'ผู้ดูแลระบบ (คำสั่ง)' };
/** The actor of what the onboarding page does. */
export const ONBOARDING_ACTOR: AuditActor = { via: 'onboarding', staffId: null, name: 'หน้าเริ่มต้นใช้งาน' };
