import * as adminAudit from './admin-audit-store.js';
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
import * as messageUse from './message-use-store.js';
import * as oit from './oit-store.js';
import * as pendingImports from './pending-import-store.js';
import * as organisations from './organisation-store.js';
import * as overview from './organisation-overview-store.js';
import * as progress from './progress-store.js';
import * as registerThrottle from './register-throttle-store.js';
import * as roundTold from './round-told-store.js';
import * as settings from './settings-store.js';
import * as rollups from './rollup-store.js';
import * as staff from './staff-store.js';
import * as staffAdmin from './staff-admin-store.js';
import * as summaries from './summary-store.js';
import { scopeStore } from './org-scope.js';

/** The stores the router itself uses around a feature (who wrote, the dialog under way, a kept photo), not scoped: it passes the organisation of the event. */
export const routerStores = { attachments, dialogs, staff };

/**
 * A move of a case is given the case itself (read through this same view), which names its organisation:
 * the view refuses a case of another organisation rather than trusting every caller to have read it here.
 */
function ofOrganisation<A extends { complaint: { orgId: string } }, R>(orgId: string, move: (args: A) => Promise<R>): (args: A) => Promise<R> {
  return (args) => {
    if (args.complaint.orgId !== orgId) return Promise.reject(new Error('a case of another organisation was handed to this organisation\'s stores'));
    return move(args);
  };
}

/**
 * What the chat's features read and write, for one organisation: the functions they use and no others,
 * each with the organisation already given. Those not bound say why they need none.
 */
function chatStoresOf(orgId: string) {
  const c = complaints;
  return {
    adminAudit: scopeStore(adminAudit, orgId, ['auditLog']),
    complaints: {
      ...scopeStore(c, orgId, ['complaintFiledBy', 'complaintStats', 'complaintsSince', 'fileComplaint', 'findOwnComplaint', 'getComplaint', 'listOwnComplaints', 'openComplaints', 'openComplaintsDueBy'], [
        // By the id of a case this view has read: a case's entries are found through its case.
        'timeline',
      ]),
      takeComplaint: ofOrganisation(orgId, c.takeComplaint),
      changeComplaintStatus: ofOrganisation(orgId, c.changeComplaintStatus),
      addInternalNote: ofOrganisation(orgId, c.addInternalNote),
      recordExplanation: ofOrganisation(orgId, c.recordExplanation),
      recordFeedback: ofOrganisation(orgId, c.recordFeedback),
      reopenComplaint: ofOrganisation(orgId, c.reopenComplaint),
      recordNotFixedEscalation: ofOrganisation(orgId, c.recordNotFixedEscalation),
      withdrawComplaint: ofOrganisation(orgId, c.withdrawComplaint),
      forwardComplaint: ofOrganisation(orgId, c.forwardComplaint),
      addAfterPhotos: ofOrganisation(orgId, c.addAfterPhotos),
      setComplaintCategory: ofOrganisation(orgId, c.setComplaintCategory),
      addInformation: ofOrganisation(orgId, c.addInformation),
    },
    complaintStats: scopeStore(complaintStats, orgId, ['loadComplaintStatRows']),
    evidence: scopeStore(evidence, orgId, ['evidenceFiles', 'progressEvidence']),
    // A file an admin sent: checked and previewed, kept until confirmed, then imported as the CLI imports it.
    pendingImports: scopeStore(pendingImports, orgId, ['savePendingImport', 'findPendingImport', 'setPendingFingerprint', 'claimPendingImport', 'pendingImportClaimedBy', 'finishPendingImport', 'cancelPendingImport']),
    executiveGroups: scopeStore(executiveGroups, orgId, ['issueGroupLinkCode', 'linkGroupWithCode', 'unlinkGroup', 'linkedGroup', 'chooseGroupReceives']),
    groupLinkThrottle: scopeStore(groupLinkThrottle, orgId, ['groupLinkWaitMinutes', 'recordGroupLinkFailure']),
    invites: scopeStore(invites, orgId, ['redeemInvite']),
    jobRuns: scopeStore(jobRuns, orgId, ['doneRun']),
    measures: scopeStore(measures, orgId, ['editMeasure', 'measureByCode', 'measureById', 'measureForOfficer', 'measureProgress', 'measuresForOfficer', 'reopenMeasure']),
    messageUse: scopeStore(messageUse, orgId, ['loadMonthUse', 'lineQuotaOf', 'overdueGeneralDays']),
    oit: scopeStore(oit, orgId, ['findOitItem', 'latestOitYear', 'oitItemsOfYear', 'reviewOitItem', 'saveOitAnswer']),
    organisations: scopeStore(organisations, orgId, ['findOrganisation']),
    overview: scopeStore(overview, orgId, ['organisationOverview']),
    progress: scopeStore(progress, orgId, ['progressReportsOfYear', 'recentReports', 'saveProgressReport']),
    registerThrottle: scopeStore(registerThrottle, orgId, ['recordRegistrationFailure', 'registrationWaitMinutes']),
    roundTold: scopeStore(roundTold, orgId, ['recordRoundTold']),
    // A supervising office's roll-up spans the organisations of its district or province, by its scope.
    rollups: scopeStore(rollups, orgId, [], ['loadRollup']),
    settings: scopeStore(settings, orgId, ['changeSetting', 'ownDaysOff', 'settingsView']),
    staff: scopeStore(staff, orgId, ['findStaff', 'setStaffProfile']),
    staffAdmin: scopeStore(staffAdmin, orgId, ['changeStaffAccess', 'inviteStaff', 'knownUnits', 'lineActor', 'staffOfOrganisation']),
    summaries: scopeStore(summaries, orgId, ['loadSummary', 'loadSummaryMeasures']),
  };
}

/** What a chat feature finds in `ctx.stores`: its organisation's stores, and only those the chat uses. */
export type ChatStores = ReturnType<typeof chatStoresOf>;

/** Gives the chat stores of one organisation; `chatStores.for(orgId)`, once per event (chat/router.ts). */
export interface ChatStoreSource {
  for(orgId: string): ChatStores;
}

// The views hold nothing but their organisation id, so one per organisation serves every event.
const views = new Map<string, ChatStores>();

/** The database's chat stores. */
export const chatStores: ChatStoreSource = {
  for(orgId) {
    let view = views.get(orgId);
    if (!view) views.set(orgId, (view = Object.freeze(chatStoresOf(orgId))));
    return view;
  },
};
