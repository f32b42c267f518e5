import { createHash } from 'node:crypto';
import { addHours } from 'date-fns';
import type { DialogInput } from '../../dialogs/types.js';
import { figures } from '../../domain/figures.js';
import { hasRole } from '../../domain/roles.js';
import { nameOf } from '../../domain/staff.js';
import { detectKind } from '../../file-import/kinds.js';
import { fileImportsOf } from '../../file-import/file-imports.js';
import { isTransientLineError } from '../../line/client.js';
import { text, type Message } from '../../line/messages.js';
import { readTable, UnreadableFile, type Table } from '../../plan-import/read-table.js';
import type { ChatContext, Feature } from '../common/context.js';
import { CHAT_TEXT } from '../common/texts.js';
import { FILE_IMPORT_ACTIONS } from './actions.js';
import { howToText, importedText, megabytes, previewMessage, problemsText, unknownKindText } from './cards.js';
import { FILE_IMPORT_CUES, FILE_IMPORT_HELP, FILE_IMPORT_LABEL, FILE_IMPORT_TEXT as SAY, FILE_IMPORT_WORDS, MAX_IMPORT_BYTES, PENDING_HOURS } from './words.js';

type FileInput = Extract<DialogInput, { kind: 'media' }>;

/** A table file by its name: what the importers read, and the old Excel format, answered with how to save it. */
const isTableFile = (file: { fileName: string | null; mediaKind: string }) => file.mediaKind === 'file' && /\.(csv|xlsx|xls)$/i.test(file.fileName ?? '');

const isAdmin = (roles: readonly string[]) => hasRole(roles, 'admin');

/** The id the preview's buttons carry: made from the event, so a retried event keeps one waiting file. */
const pendingId = (ctx: ChatContext) => createHash('sha256').update(`${ctx.org.id}:${ctx.eventId}`).digest('base64url').slice(0, 22);

/** Fetches, reads and checks a sent file; keeps it only once it passed, until "นำเข้า" or "ยกเลิก". */
async function receiveFile(ctx: ChatContext, input: FileInput): Promise<Message[]> {
  const f = figures(ctx.org.digits);
  const fileName = input.fileName ?? '';
  if (!/\.(csv|xlsx)$/i.test(fileName)) return [text(SAY.notCsvOrXlsx(fileName))];
  // LINE says the size in the event: a file too large is refused before a byte of it is fetched.
  if ((input.fileSize ?? 0) > MAX_IMPORT_BYTES) return [text(SAY.tooBig(fileName, megabytes(input.fileSize!, f), megabytes(MAX_IMPORT_BYTES, f)))];
  let content: Buffer | null;
  try {
    content = (await ctx.line.getContent(input.messageId, MAX_IMPORT_BYTES))?.data ?? null;
  } catch (error) {
    // An outage is retried with the event; a file LINE no longer has is answered.
    if (isTransientLineError(error)) throw error;
    content = null;
  }
  if (!content) return [text(SAY.notFetched(fileName))];
  const source = { fileName, content };
  let table: Table;
  try {
    table = await readTable(source);
  } catch (error) {
    if (error instanceof UnreadableFile) return [text(SAY.unreadable(fileName, error.message))];
    throw error;
  }
  const kind = detectKind(table.headers);
  if (!kind) return [text(unknownKindText(fileName, f))];
  const check = await fileImportsOf(ctx.org.id).previewImport({ kind, source, now: ctx.now });
  if (!check.ok) return [text(problemsText(fileName, kind, check.problems, f))];
  const id = pendingId(ctx);
  await ctx.stores.pendingImports.savePendingImport({ id, userKey: ctx.sender.userKey, fileName, kind, content, fingerprint: check.fingerprint, now: ctx.now, expiresAt: addHours(ctx.now, PENDING_HOURS) });
  return [previewMessage({ fileName, summary: check.summary, id }, f)];
}

/**
 * "นำเข้า": the file is checked again against the data as it is now; when what it would change is no longer
 * what the preview showed (another admin imported meanwhile), the new preview is shown instead. One press
 * imports: the import is claimed by a unique insert, and a later press reads back what it answered.
 */
async function confirm(ctx: ChatContext, id: string): Promise<Message[]> {
  const { pendingImports } = ctx.stores;
  const fileImports = fileImportsOf(ctx.org.id);
  const f = figures(ctx.org.digits);
  const p = await pendingImports.findPendingImport(id);
  if (!p || p.userKey !== ctx.sender.userKey) return [text(CHAT_TEXT.oldButton)];
  if (p.state === 'done') return [text(`${SAY.already(p.fileName)}\n\n${p.outcome}`)];
  if (p.state === 'cancelled') return [text(SAY.wasCancelled(p.fileName))];
  const claimedBy = await pendingImports.pendingImportClaimedBy(id);
  // Another press is importing it; a retry of this press's own event goes on where it stopped.
  if (claimedBy && claimedBy !== ctx.eventId) return [text(SAY.importing(p.fileName))];
  if (!p.content) return [text(CHAT_TEXT.oldButton)];
  const source = { fileName: p.fileName, content: p.content };
  if (!claimedBy) {
    if (p.expiresAt <= ctx.now) return [text(SAY.expired(p.fileName, f.count(PENDING_HOURS)))];
    const again = await fileImports.previewImport({ kind: p.kind, source, now: ctx.now });
    if (!again.ok) return [text(problemsText(p.fileName, p.kind, again.problems, f, SAY.nowInvalid(p.fileName)))];
    if (again.fingerprint !== p.fingerprint) {
      await pendingImports.setPendingFingerprint(id, again.fingerprint);
      return [text(SAY.changed(p.fileName)), previewMessage({ fileName: p.fileName, summary: again.summary, id }, f)];
    }
    if (!(await pendingImports.claimPendingImport(id, ctx.eventId, ctx.now))) return [text(SAY.importing(p.fileName))];
  }
  const staff = ctx.sender.staff;
  const done = await fileImports.importFile({ kind: p.kind, source, now: ctx.now, importer: { lineUserId: ctx.sender.userId, name: staff ? nameOf(staff) : 'ผู้ดูแลระบบ' } });
  if (!done.ok) return [text(problemsText(p.fileName, p.kind, done.problems, f, SAY.nowInvalid(p.fileName)))];
  const answer = importedText(p.fileName, done.summary, f);
  await pendingImports.finishPendingImport(id, answer);
  return [text(answer)];
}

async function cancel(ctx: ChatContext, id: string): Promise<Message[]> {
  const p = await ctx.stores.pendingImports.findPendingImport(id);
  if (!p || p.userKey !== ctx.sender.userKey) return [text(CHAT_TEXT.oldButton)];
  if (p.state === 'cancelled') return [text(SAY.cancelled(p.fileName))];
  if (p.state === 'done' || !(await ctx.stores.pendingImports.cancelPendingImport(id))) return [text(SAY.cannotCancel(p.fileName))];
  return [text(SAY.cancelled(p.fileName))];
}

/**
 * An admin sends the plan, the OIT list or the indicator table as a file in a one-to-one chat (no dialog under
 * way): it is read, checked all or nothing, previewed, and imported on "นำเข้า" through the CLI's import
 * functions. Anyone else's CSV or Excel file is refused before it is fetched, and never kept.
 */
export const fileImport: Feature = {
  name: 'fileImport',
  words: FILE_IMPORT_WORDS,
  cues: FILE_IMPORT_CUES,
  takesFile: isTableFile,
  actions: FILE_IMPORT_ACTIONS,
  menu: [{ for: ['admin'], order: 60, help: FILE_IMPORT_HELP, button: FILE_IMPORT_LABEL }],
  allowed: (sender) => isAdmin(sender.roles),
  refusal: SAY.refusal,
  async handle(ctx) {
    const { input } = ctx;
    if (input.kind === 'media') return receiveFile(ctx, input);
    if (input.kind === 'postback') {
      const id = input.params.p ?? '';
      return input.action === FILE_IMPORT_ACTIONS.importConfirm.name ? confirm(ctx, id) : cancel(ctx, id);
    }
    return [text(howToText(figures(ctx.org.digits)))];
  },
};

/**
 * A group keeps to its commands: a CSV or Excel file there is people sharing it, left alone and never fetched.
 * Only an admin's is answered, with where imports are taken.
 */
export const fileImportInGroup: Feature = {
  name: 'fileImportInGroup',
  where: 'group',
  takesFile: isTableFile,
  async handle(ctx) {
    return isAdmin(ctx.sender.roles) ? [text(SAY.inGroup)] : [];
  },
};
