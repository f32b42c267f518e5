import { orderedRoles, STAFF_ROLES, type StaffRole } from '../../domain/roles.js';

/** A set of roles carried on a button: one bit a role, in STAFF_ROLES' order (short enough for LINE's 300 bytes). */
export const maskOf = (roles: readonly StaffRole[]): string => String(STAFF_ROLES.reduce((m, r, i) => (roles.includes(r) ? m | (1 << i) : m), 0));

export const rolesOf = (mask: string): StaffRole[] => orderedRoles(STAFF_ROLES.filter((_, i) => (Number(mask) & (1 << i)) !== 0));

export const toggled = (roles: readonly StaffRole[], role: StaffRole): StaffRole[] => (roles.includes(role) ? roles.filter((r) => r !== role) : orderedRoles([...roles, role]));
