import type { AuditEntry } from '../../domain/admin-audit.js';
import { AUDIT_ACTION_TH, auditChangeText } from '../../domain/admin-audit-text.js';
import type { Figures } from '../../domain/figures.js';
import { truncate } from '../../domain/thai.js';
import { LINE_LIMITS } from '../../line/limits.js';
import { quickPostback, quickText, text, type Message } from '../../line/messages.js';
import { postbackData } from '../../line/postback.js';
import { ADMIN_COMMANDS } from '../manage/words.js';
import { ADMIN_LOG_ACTIONS } from './actions.js';
import { ADMIN_LOG_TEXT as SAY } from './words.js';

/** Lines read a page: a screen or two on a phone. */
export const LOG_PAGE_LINES = 10;

/** The longest subject and before/after shown: a long setting still reads as a line; the export has them whole. */
const SUBJECT_MAX = 120;
const SIDE_MAX = 400;
const SEPARATOR = '\n\n';

/** One line of the log as an admin reads it: when and who, what and to whom, then what it was and became. */
export function auditEntryText(e: AuditEntry, f: Figures): string {
  const who = `${SAY.by(truncate(e.actor.name, 100))}${e.actor.via === 'line' ? ` ${SAY.viaLine}` : ''}`;
  const what = e.subject ? `${AUDIT_ACTION_TH[e.action]}: ${truncate(e.subject, SUBJECT_MAX)}` : AUDIT_ACTION_TH[e.action];
  const change = auditChangeText({ before: truncate(e.before, SIDE_MAX), after: truncate(e.after, SIDE_MAX) });
  return [`${f.dateTime(e.at)} ${who}`, what, ...(change ? [change] : [])].join('\n');
}

/**
 * One page of the log, newest first, as one text bubble: as many of `entries` as fit LINE's text limit
 * (`entries` holds one more line than a page, to know whether older lines remain). "ก่อนหน้านี้" pages back
 * from the last line shown, so a page cut short by long lines loses nothing.
 */
export function auditPage(entries: readonly AuditEntry[], older: boolean, f: Figures): Message {
  if (entries.length === 0) return text(older ? SAY.noOlder : SAY.empty, [quickText(ADMIN_COMMANDS.manage)]);
  const heading = older ? SAY.headingOlder : SAY.heading;
  let body: string = heading;
  let shown = 0;
  for (const entry of entries.slice(0, LOG_PAGE_LINES)) {
    const next = `${body}${SEPARATOR}${auditEntryText(entry, f)}`;
    if (shown > 0 && next.length > LINE_LIMITS.textLength) break;
    body = next;
    shown++;
  }
  const last = entries[shown - 1]!;
  const more = shown < entries.length;
  const quick = [
    ...(more ? [quickPostback(SAY.older, postbackData(ADMIN_LOG_ACTIONS.adminLogOlder, { t: String(last.at.getTime()), i: last.id }))] : []),
    quickText(ADMIN_COMMANDS.manage),
  ];
  return text(more ? body : `${body}${SEPARATOR}${SAY.noOlder}`, quick);
}
