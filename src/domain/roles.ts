/** Roles of domain.md; a person may hold several. `citizen` is everyone without a staff role. */
export const STAFF_ROLES = ['officer', 'complaint_officer', 'integrity_officer', 'executive', 'admin', 'reviewer', 'supervisor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export type Role = StaffRole | 'citizen';

export const ROLE_TH: Record<Role, string> = {
  citizen: 'ประชาชน',
  officer: 'เจ้าหน้าที่ผู้รับผิดชอบ',
  complaint_officer: 'เจ้าหน้าที่รับเรื่องร้องเรียน',
  integrity_officer: 'นิติกร / ผู้รับผิดชอบเรื่องทุจริต',
  executive: 'ผู้บริหาร',
  admin: 'ผู้ดูแลระบบ',
  // The head of สำนักปลัด (or whoever the organisation names) who checks the OIT answers before ITAS closes.
  reviewer: 'ผู้ตรวจสอบข้อมูลเปิดเผยต่อสาธารณะ',
  // A supervising office (อำเภอ, จังหวัด, national): figures of every organisation in its scope, counts only.
  supervisor: 'หน่วยงานกำกับดูแล',
};

export function hasRole(roles: readonly string[] | undefined, role: StaffRole): boolean {
  return !!roles && roles.includes(role);
}

/** Who may see the organisation's figures, statistics and official reports. */
export function isExecutiveOrAdmin(roles: readonly string[] | undefined): boolean {
  return hasRole(roles, 'executive') || hasRole(roles, 'admin');
}

/** Roles in their declared order, each once, unknown ones dropped: a set of roles reads the same whoever chose it. */
export const orderedRoles = (roles: readonly string[]): StaffRole[] => STAFF_ROLES.filter((r) => roles.includes(r));

/** Roles as the management log and the chat name them. */
export const rolesTh = (roles: readonly string[]): string => orderedRoles(roles).map((r) => ROLE_TH[r]).join(', ');
