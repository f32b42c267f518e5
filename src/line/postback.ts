/**
 * Every postback action the bot puts on a button, in one table: the cards that carry them and the
 * handlers that answer them read the same names. Short, because LINE allows 300 characters of data.
 */
export const ACTION = {
  cancel: 'cancel',
  /** The answers to "throw away the dialog under way?" */
  switchDialog: 'sw',
  keepDialog: 'sw.keep',
  reportPick: 'rp.pick',
  reportPage: 'rp.page',
  reportStatus: 'rp.status',
  reportConfirm: 'rp.confirm',
  reportBrief: 'rp.brief',
  measureReopen: 'ms.reopen',
  measureEdit: 'ms.edit',
  complaintKind: 'cm.kind',
  complaintSubmit: 'cm.submit',
  caseTake: 'cp.take',
  caseStatus: 'cp.status',
  caseSetStatus: 'cp.set',
  caseNote: 'cp.note',
  caseExplain: 'cp.explain',
  caseEvidence: 'cp.ev',
  caseLog: 'cp.log',
  caseAfterPhotos: 'cp.photo',
  caseCategory: 'cp.cat',
  caseSetCategory: 'cp.catset',
  caseForward: 'cp.fwd',
  /** A citizen's own case: rate it, say whether it is fixed, withdraw it (asked, then confirmed), add information, see the after-fix photos. */
  ownRate: 'cz.rate',
  ownFixed: 'cz.fixed',
  ownWithdraw: 'cz.wd',
  ownWithdrawConfirm: 'cz.wdok',
  ownAddInfo: 'cz.info',
  ownPhotos: 'cz.photos',
  reportEvidence: 'rp.ev',
  exportReport: 'rx',
  overdueList: 'sum.overdue',
  /** A unit's card on the overdue cards: that unit's overdue measures (`u`: the group's key, or `rest`). */
  overdueUnit: 'sum.ou',
  /** A handler's card on the overdue-complaint cards: that handler's late cases (`h`: the group's key, or `rest`). */
  overdueComplaints: 'sum.oc',
  /** An officer's card on the follow-up result: what they still have not reported (`p`: the follow-up's month, `o`: the group's key, or `rest`). */
  followUpOfficer: 'fu.o',
  oitPick: 'oit.pick',
  oitPage: 'oit.page',
  oitAvailable: 'oit.has',
  oitConfirm: 'oit.confirm',
  oitReviewList: 'oit.rv',
  oitApprove: 'oit.ok',
  oitReturn: 'oit.back',
  /** The budget card's lists (src/features/budget/actions.ts): a family's (`f`), a unit's (`u`), the projects with no amount reported. */
  budgetFamily: 'bg.f',
  budgetUnit: 'bg.u',
  budgetUnreported: 'bg.n',
} as const;

export type Action = (typeof ACTION)[keyof typeof ACTION];

/** Postback data is a URL query string: short and easy to read in logs. */
export function postbackData(action: Action, params: Record<string, string> = {}): string {
  return new URLSearchParams({ a: action, ...params }).toString();
}

export function parsePostbackData(data: string): { action: string; params: Record<string, string> } {
  const params = Object.fromEntries(new URLSearchParams(data));
  const { a = '', ...rest } = params;
  return { action: a, params: rest };
}
