import type { Feature } from '../features/common/context.js';
import { cancel } from '../features/cancel/feature.js';
import { caseActions } from '../features/case-actions/feature.js';
import { caseClosure } from '../features/case-closure/feature.js';
import { cases } from '../features/cases/feature.js';
import { complaintStats } from '../features/complaint-stats/feature.js';
import { messageStats } from '../features/message-stats/feature.js';
import { complaint } from '../features/complaint/feature.js';
import { evidence } from '../features/evidence/feature.js';
import { groupChoice } from '../features/executive-group/choice.js';
import { linkGroup, unlinkGroup } from '../features/executive-group/feature.js';
import { joinedGroup, leftGroup, linkInGroup, unlinkInGroup } from '../features/executive-group-chat/feature.js';
import { exportReport } from '../features/export-report/feature.js';
import { followUpResult } from '../features/follow-up-result/feature.js';
import { help } from '../features/help/feature.js';
import { manageMeasure } from '../features/manage-measure/feature.js';
import { inviteStaff } from '../features/invite-staff/feature.js';
import { manageStaff } from '../features/manage-staff/feature.js';
import { myCases } from '../features/my-cases/feature.js';
import { oitReview } from '../features/oit-review/feature.js';
import { ownCaseActions } from '../features/own-case-actions/feature.js';
import { oit } from '../features/oit/feature.js';
import { profile, profileEdit } from '../features/profile/feature.js';
import { register } from '../features/register/feature.js';
import { report } from '../features/report/feature.js';
import { rollup } from '../features/rollup/feature.js';
import { summary } from '../features/summary/feature.js';
import { track } from '../features/track/feature.js';
import { budget } from '../features/budget/feature.js';
import { manage } from '../features/manage/feature.js';
import { adminLog } from '../features/admin-log/feature.js';
import { settings } from '../features/settings/feature.js';
import { fileImport, fileImportInGroup } from '../features/file-import/feature.js';

/**
 * Everything the bot does in the chat. Order matters for sentences: the first feature whose meaning
 * matches wins, so narrower phrases come first ("สถิติร้องเรียน" is statistics, not a complaint; "ส่งออก
 * รายงาน" is an export, not a report). Adding a command is a feature file and a line here; `where` says
 * whether it is heard in a one-to-one chat (the default), in a group, or both.
 */
export const FEATURES: readonly Feature[] = [
  register,
  cancel,
  profile,
  profileEdit,
  // Before the summary and complaint sentences; unlinking first, as its phrases contain linking's.
  unlinkGroup,
  linkGroup,
  groupChoice,
  track,
  rollup,
  exportReport,
  // Before complaint statistics, whose cue words weigh a lone "สถิติ".
  messageStats,
  complaintStats,
  myCases,
  cases,
  // Before the summary, whose cue words include a lone "เบิกจ่าย" and "งบ" among its hints.
  budget,
  summary,
  followUpResult,
  oitReview,
  oit,
  // Before complaints: an officer's "รายงานโครงการป้องกันการทุจริต" names an item (a citizen, who may not
  // report, still reaches complaints with it: understand.ts).
  report,
  complaint,
  help,
  // The admin's commands (issue 24): the log before the home, whose cue words ("ผู้ดูแลระบบ") the log's sentences may hold.
  adminLog,
  manage,
  caseActions,
  manageMeasure,
  settings,
  inviteStaff,
  manageStaff,
  // Files (CSV, Excel) sent outside a dialog, and `นำเข้าไฟล์`.
  fileImport,
  evidence,
  caseClosure,
  ownCaseActions,
  // Heard in groups only (the executives' group), after the one-to-one chat's same commands above.
  joinedGroup,
  leftGroup,
  unlinkInGroup,
  linkInGroup,
  fileImportInGroup,
];

const heardIn = (feature: Feature, where: 'user' | 'group') => (feature.where ?? 'user') === where || feature.where === 'both';

/** What a one-to-one chat hears. */
export const USER_FEATURES: readonly Feature[] = FEATURES.filter((f) => heardIn(f, 'user'));

/** What a group hears: nothing else is answered there. */
export const GROUP_FEATURES: readonly Feature[] = FEATURES.filter((f) => heardIn(f, 'group'));
