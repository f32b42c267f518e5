import type { z } from 'zod';
import { CASE_ACTIONS } from '../features/case-actions/actions.js';
import { CASE_CLOSURE_ACTIONS } from '../features/case-closure/actions.js';
import { CANCEL_ACTIONS } from '../features/cancel/actions.js';
import { COMPLAINT_ACTIONS } from '../features/complaint/actions.js';
import { EVIDENCE_ACTIONS } from '../features/evidence/actions.js';
import { EXPORT_REPORT_ACTIONS } from '../features/export-report/actions.js';
import { FOLLOW_UP_RESULT_ACTIONS } from '../features/follow-up-result/actions.js';
import { MANAGE_MEASURE_ACTIONS } from '../features/manage-measure/actions.js';
import { OIT_REVIEW_ACTIONS } from '../features/oit-review/actions.js';
import { OIT_ACTIONS } from '../features/oit/actions.js';
import { OWN_CASE_ACTIONS } from '../features/own-case-actions/actions.js';
import { REPORT_ACTIONS } from '../features/report/actions.js';
import { SUMMARY_ACTIONS } from '../features/summary/actions.js';
import { SWITCH_ACTIONS } from '../chat/switch.actions.js';
import { BUDGET_ACTIONS } from '../features/budget/actions.js';
import type { PostbackAction, PostbackParams } from './postback-action.js';

/**
 * Every postback action the bot puts on a button: the union of the features' own declarations (each
 * feature's `*.actions.ts`, with the schema of its params). Short names, because LINE allows 300
 * characters of data; never renamed, because old buttons stay in people's chats.
 */
const DECLARED = {
  ...CANCEL_ACTIONS,
  ...SWITCH_ACTIONS,
  ...REPORT_ACTIONS,
  ...MANAGE_MEASURE_ACTIONS,
  ...COMPLAINT_ACTIONS,
  ...CASE_ACTIONS,
  ...CASE_CLOSURE_ACTIONS,
  ...OWN_CASE_ACTIONS,
  ...EVIDENCE_ACTIONS,
  ...EXPORT_REPORT_ACTIONS,
  ...SUMMARY_ACTIONS,
  ...FOLLOW_UP_RESULT_ACTIONS,
  ...OIT_ACTIONS,
  ...OIT_REVIEW_ACTIONS,
  ...BUDGET_ACTIONS,
} as const;

type Declared = (typeof DECLARED)[keyof typeof DECLARED];

/** Each action's name by the key the cards and handlers use (`ACTION.reportPick` is 'rp.pick'). */
export const ACTION = Object.fromEntries(Object.entries(DECLARED).map(([key, action]) => [key, action.name])) as { readonly [K in keyof typeof DECLARED]: (typeof DECLARED)[K]['name'] };

export type Action = Declared['name'];

const BY_NAME: ReadonlyMap<string, PostbackAction> = new Map(Object.values(DECLARED).map((action) => [action.name, action]));
if (BY_NAME.size !== Object.keys(DECLARED).length) throw new Error('two postback actions share a name');

/** The declaration of an action, by the name a button carries. */
export function declaredAction(name: string): PostbackAction | undefined {
  return BY_NAME.get(name);
}

type ParamsOf<A extends Action> = z.input<Extract<Declared, { name: A }>['params']>;

/**
 * Postback data is a URL query string: short and easy to read in logs. The params are checked against the
 * action's schema here too, so a card cannot put on a button what its handler would refuse.
 */
export function postbackData<A extends Action>(action: A, params: ParamsOf<A> = {} as ParamsOf<A>): string {
  const checked = BY_NAME.get(action)!.params.safeParse(params);
  if (!checked.success) throw new Error(`postback ${action}: params do not fit its schema (${checked.error.issues.map((i) => i.path.join('.')).join(', ')})`);
  const given = Object.entries(params as PostbackParams).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return new URLSearchParams([['a', action], ...given]).toString();
}

export function parsePostbackData(data: string): { action: string; params: Record<string, string> } {
  const params = Object.fromEntries(new URLSearchParams(data));
  const { a = '', ...rest } = params;
  return { action: a, params: rest };
}

/**
 * A pressed button's params as its action declares them (unknown extras dropped), or null when they do not
 * fit: tampered or damaged data, answered like a stale button. An action nobody declares is left as it is
 * (the router answers it as an unknown button).
 */
export function checkedParams(action: string, params: Record<string, string>): Record<string, string> | null {
  const declared = BY_NAME.get(action);
  if (!declared) return params;
  const checked = declared.params.safeParse(params);
  return checked.success ? (checked.data as Record<string, string>) : null;
}
