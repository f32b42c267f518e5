import * as attachments from './attachment-store.js';
import * as complaints from './complaint-store.js';
import * as complaintStats from './complaint-stats-store.js';
import * as dialogs from './conversation-store.js';
import * as evidence from './evidence-store.js';
import * as executiveGroups from './executive-group-store.js';
import * as groupLinkThrottle from './group-link-throttle-store.js';
import * as invites from './invite-store.js';
import * as jobRuns from './job-run-store.js';
import * as measures from './measure-store.js';
import * as oit from './oit-store.js';
import * as organisations from './organisation-store.js';
import * as progress from './progress-store.js';
import * as registerThrottle from './register-throttle-store.js';
import * as rollups from './rollup-store.js';
import * as staff from './staff-store.js';
import * as summaries from './summary-store.js';

/** The stores a conversation reads and writes, handed to every chat handler in its context. */
export const chatStores = { attachments, complaints, complaintStats, dialogs, evidence, executiveGroups, groupLinkThrottle, invites, jobRuns, measures, oit, organisations, progress, registerThrottle, rollups, staff, summaries };
export type ChatStores = typeof chatStores;
