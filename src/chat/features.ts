import type { Feature } from './context.js';
import { cancel } from './features/cancel.js';
import { caseActions } from './features/case-actions.js';
import { caseClosure } from './features/case-closure.js';
import { cases } from './features/cases.js';
import { complaintStats } from './features/complaint-stats.js';
import { complaint } from './features/complaint.js';
import { evidence } from './features/evidence.js';
import { linkGroup, unlinkGroup } from './features/executive-group.js';
import { joinedGroup, leftGroup, linkInGroup, unlinkInGroup } from './features/executive-group-chat.js';
import { exportReport } from './features/export-report.js';
import { followUpResult } from './features/follow-up-result.js';
import { help } from './features/help.js';
import { manageMeasure } from './features/manage-measure.js';
import { myCases } from './features/my-cases.js';
import { oitReview } from './features/oit-review.js';
import { ownCaseActions } from './features/own-case-actions.js';
import { oit } from './features/oit.js';
import { profile, profileEdit } from './features/profile.js';
import { register } from './features/register.js';
import { report } from './features/report.js';
import { rollup } from './features/rollup.js';
import { summary } from './features/summary.js';
import { track } from './features/track.js';
import { budget } from '../features/budget/feature.js';

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
  track,
  rollup,
  exportReport,
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
  caseActions,
  manageMeasure,
  evidence,
  caseClosure,
  ownCaseActions,
  // Heard in groups only (the executives' group), after the one-to-one chat's same commands above.
  joinedGroup,
  leftGroup,
  unlinkInGroup,
  linkInGroup,
];

const heardIn = (feature: Feature, where: 'user' | 'group') => (feature.where ?? 'user') === where || feature.where === 'both';

/** What a one-to-one chat hears. */
export const USER_FEATURES: readonly Feature[] = FEATURES.filter((f) => heardIn(f, 'user'));

/** What a group hears: nothing else is answered there. */
export const GROUP_FEATURES: readonly Feature[] = FEATURES.filter((f) => heardIn(f, 'group'));
