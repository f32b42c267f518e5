import { z } from 'zod';
import { noParams, param, postbackAction } from '../line/postback-action.js';

/*
 * The buttons on the shared cards of this folder, which jobs send as well as features. They are declared
 * here, beside the cards, because flex/ sits below the features; the feature that answers each group lists it
 * in its own `actions` (its actions.ts spreads the group in).
 */

const aCase = z.object({ c: param.id });

/** Answered by features/case-actions. */
export const CASE_CARD_ACTIONS = {
  caseTake: postbackAction('cp.take', aCase),
  caseStatus: postbackAction('cp.status', aCase),
  caseNote: postbackAction('cp.note', aCase),
  caseExplain: postbackAction('cp.explain', aCase),
  caseEvidence: postbackAction('cp.ev', aCase),
  caseLog: postbackAction('cp.log', aCase),
} as const;

/** Answered by features/case-closure. */
export const CASE_CLOSURE_CARD_ACTIONS = {
  caseAfterPhotos: postbackAction('cp.photo', aCase),
  caseCategory: postbackAction('cp.cat', aCase),
  caseForward: postbackAction('cp.fwd', aCase),
} as const;

/** Answered by features/own-case-actions. */
export const OWN_CASE_CARD_ACTIONS = {
  /** `s`: the stars chosen; without it, the stars are asked. */
  ownRate: postbackAction('cz.rate', z.object({ c: param.id, s: param.count.optional() })),
  /** `no=1`: the answer "do not withdraw" to the confirmation. */
  ownWithdraw: postbackAction('cz.wd', z.object({ c: param.id, no: z.literal('1').optional() })),
  ownAddInfo: postbackAction('cz.info', aCase),
  ownPhotos: postbackAction('cz.photos', aCase),
} as const;

/** Answered by features/oit. */
export const OIT_CARD_ACTIONS = {
  oitPick: postbackAction('oit.pick', z.object({ i: param.id })),
  oitPage: postbackAction('oit.page', z.object({ p: param.count.optional() })),
} as const;

/** `v`: the answer's version the reviewer looked at (a newer answer makes the button stale). */
const anAnswer = z.object({ i: param.id, v: param.token });

/** Answered by features/oit-review. */
export const OIT_REVIEW_CARD_ACTIONS = {
  oitReviewList: postbackAction('oit.rv', z.object({ p: param.count.optional() })),
  oitApprove: postbackAction('oit.ok', anAnswer),
  oitReturn: postbackAction('oit.back', anAnswer),
} as const;

/** Answered by features/summary. */
export const SUMMARY_CARD_ACTIONS = {
  overdueList: postbackAction('sum.overdue', noParams),
  /**
   * A handler's card on the overdue-complaint cards: that handler's late cases (`h`: the group's key, or `rest`;
   * `t`: the moment a pushed card was made, in digits; the handler takes one that is no real moment as now).
   */
  overdueComplaints: postbackAction('sum.oc', z.object({ h: param.token, t: z.string().regex(/^\d{1,40}$/).optional() })),
} as const;

/** Answered by features/follow-up-result. */
export const FOLLOW_UP_CARD_ACTIONS = {
  /** An officer's card on the follow-up result: what they still have not reported (`p`: the follow-up's month, `o`: the group's key, or `rest`). */
  followUpOfficer: postbackAction('fu.o', z.object({ p: param.token, o: param.token })),
} as const;

/** Answered by features/report. */
export const REPORT_CARD_ACTIONS = {
  reportPick: postbackAction('rp.pick', z.object({ m: param.id })),
  /** A page of the officer's list: the items still due, or (`v=done`) the completed ones. */
  reportPage: postbackAction('rp.page', z.object({ v: z.literal('done').optional(), p: param.count.optional() })),
  reportBrief: postbackAction('rp.brief', z.object({ m: param.id })),
} as const;
