import type { Complaint } from '../domain/complaints.js';
import { staffWithRole } from '../db/staff-store.js';
import type { Message } from '../line/client.js';
import { HANDLER_ROLE } from '../domain/complaints.js';
import { enqueueNotice, type NoticeDeps } from './enqueue-notice.js';

export type { NoticeDeps } from './enqueue-notice.js';

/**
 * Messages about a case, through the outbox. Keys name the case and the occasion (never a person), so each
 * notice goes once however often the code that sends it runs.
 */
async function send(c: Complaint, occasion: string, to: string[], messages: Message[], deps: NoticeDeps, toOfficers = false): Promise<number> {
  if (to.length === 0) return 0;
  // The corruption channel's officers must hear of a report whatever the month's budget (message-kinds.ts).
  const kind = toOfficers && c.kind === 'corruption' ? ('corruption-notice' as const) : undefined;
  return enqueueNotice(`complaint:${c.id}`, { key: `complaint:${c.id}:${occasion}`, to, messages, kind }, deps);
}

/** The officers of the case's channel: complaint officers for general complaints, integrity officers for corruption. */
export async function noticeToHandlers(c: Complaint, occasion: string, messages: Message[], deps: NoticeDeps): Promise<number> {
  const to = (await staffWithRole(deps.orgId, HANDLER_ROLE[c.kind])).map((s) => s.lineUserId);
  return send(c, occasion, to, messages, deps, true);
}

/** Whoever took the case, or the officers of its channel while nobody has. */
export async function noticeToCaseHandler(c: Complaint, occasion: string, messages: Message[], deps: NoticeDeps): Promise<number> {
  if (!c.handlerUserId) return noticeToHandlers(c, occasion, messages, deps);
  return send(c, occasion, [c.handlerUserId], messages, deps, true);
}

/** The executives, as the 15-day job tells them of overdue cases: never who reported it. */
export async function noticeToExecutives(c: Complaint, occasion: string, messages: Message[], deps: NoticeDeps): Promise<number> {
  const to = (await staffWithRole(deps.orgId, 'executive')).map((s) => s.lineUserId);
  return send(c, occasion, to, messages, deps);
}

/** The complainant, reached through their sealed LINE id, unless they asked not to be contacted. */
export async function noticeToComplainant(c: Complaint, occasion: string, messages: Message[], deps: NoticeDeps): Promise<number> {
  if (!c.notify) return 0;
  return send(c, occasion, [deps.sealer.open(c.reporterSealed)], messages, deps);
}

