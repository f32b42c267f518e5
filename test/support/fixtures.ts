import { Types } from 'mongoose';
import { MeasureModel } from '../../src/db/models/measure.js';
import { StaffModel, staffId } from '../../src/db/models/staff.js';
import { saveProgressReport } from '../../src/db/progress-store.js';
import type { StaffRole } from '../../src/domain/roles.js';
import type { Status } from '../../src/domain/statuses.js';

/** Staff linked as if they had redeemed an invite. */
export async function addStaff(orgId: string, lineUserId: string, roles: StaffRole[], unit: string | null, displayName = lineUserId) {
  await StaffModel.create({ _id: staffId(orgId, lineUserId), orgId, lineUserId, displayName, roles, unit, inviteCode: 'TEST-CODE', linkedAt: new Date() });
  return { lineUserId, displayName, roles, unit };
}

/** A progress report saved the way the dialog saves it. */
export async function report(orgId: string, code: string, status: Status, reportedAt: Date, reporter = 'U-reporter') {
  const measure = (await MeasureModel.findOne({ orgId, code }).lean())!;
  await saveProgressReport(orgId, { report: { measureId: String(measure._id), status, summary: `รายงาน ${code}`, attachments: [] }, reporter: { lineUserId: reporter, displayName: 'ผู้รายงาน', roles: ['officer'], unit: null }, reportedAt, eventId: `test-${new Types.ObjectId()}` });
}
