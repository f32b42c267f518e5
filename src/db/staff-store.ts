import type { StaffFacts } from '../dialogs/types.js';
import type { StaffRole } from '../domain/roles.js';
import { StaffModel } from './models/staff.js';

export async function findStaff(orgId: string, lineUserId: string): Promise<(StaffFacts & { position: string | null }) | null> {
  const doc = await StaffModel.findOne({ orgId, lineUserId, active: true }).lean();
  if (!doc) return null;
  return {
    lineUserId: doc.lineUserId,
    displayName: doc.displayName ?? '',
    roles: doc.roles as StaffRole[],
    unit: doc.unit ?? null,
    position: doc.position ?? null,
  };
}
