import { addMinutes } from 'date-fns';
import type { DialogState } from '../domain/dialog-state.js';
import type { Sealer } from '../security/crypto.js';
import { insertUnique } from './lease.js';
import { ConversationModel, conversationId } from './models/conversation.js';
import { EventAttemptModel } from './models/webhook-event.js';

export interface StoredDialog {
  state: DialogState;
  expired: boolean;
}

/** The dialog an event started from, as the event that wrote the dialog kept it. */
export interface KeptDialog {
  eventId: string;
  dialog: StoredDialog | null;
}

/** The dialog under way, with the dialog its last writer started from (`kept`, when it recorded one). */
export async function loadDialog(orgId: string, userKey: string, now: Date, sealer: Sealer): Promise<(StoredDialog & { kept?: KeptDialog }) | null> {
  const doc = await ConversationModel.findById(conversationId(orgId, userKey)).lean();
  if (!doc) return null;
  const data = doc.sealedData ? (JSON.parse(sealer.open(doc.sealedData)) as object) : ((doc.data ?? {}) as object);
  const stored: StoredDialog & { kept?: KeptDialog } = { state: { dialog: doc.dialog, step: doc.step, data }, expired: doc.expiresAt <= now };
  if (doc.keptFor && doc.keptSealed) stored.kept = { eventId: doc.keptFor, dialog: JSON.parse(sealer.open(doc.keptSealed)) as StoredDialog | null };
  return stored;
}

/**
 * Saves the dialog; `kept` (the event writing it and the dialog that event started from) goes into the same
 * document, so that a retry of the event finds where it started without a write of its own.
 */
export async function saveDialog(
  orgId: string,
  userKey: string,
  { state, now, timeoutMinutes, sealer, kept }: { state: DialogState; now: Date; timeoutMinutes: number; sealer: Sealer; kept?: KeptDialog },
): Promise<void> {
  await ConversationModel.replaceOne(
    { _id: conversationId(orgId, userKey) },
    {
      orgId,
      userKey,
      dialog: state.dialog,
      step: state.step,
      sealedData: sealer.seal(JSON.stringify(state.data)),
      updatedAt: now,
      expiresAt: addMinutes(now, timeoutMinutes),
      ...(kept ? { keptFor: kept.eventId, keptSealed: sealer.seal(JSON.stringify(kept.dialog)) } : {}),
    },
    { upsert: true },
  );
}

export async function clearDialog(orgId: string, userKey: string): Promise<void> {
  await ConversationModel.deleteOne({ _id: conversationId(orgId, userKey) });
}

/** Stands in for a TTL index: expired dialogs older than a day are dropped by the maintenance sweep. */
export async function deleteStaleDialogs(before: Date): Promise<number> {
  const { deletedCount } = await ConversationModel.deleteMany({ expiresAt: { $lt: before } });
  return deletedCount;
}

const insertRecord = insertUnique<{ _id: string; eventId: string; claimedAt: Date; owner: string; dialogSealed: string }>(EventAttemptModel);

/**
 * Keeps the dialog an event started from, before the event removes the dialog (once: a retry keeps the
 * first). A dialog the event saves carries it instead (`saveDialog`'s `kept`). The dialog is written with the
 * event's other effects, before its replies are stored; should the event fail after the dialog moved on, its
 * retry must run the same step from the same dialog to give the same answer, and finds it here. Pruned with
 * the event's other records.
 */
export async function keepDialogBefore({ eventId, dialog, now, sealer }: { eventId: string; dialog: StoredDialog | null; now: Date; sealer: Sealer }): Promise<void> {
  await insertRecord({ _id: `${eventId}#dialog`, eventId, claimedAt: now, owner: 'dialog', dialogSealed: sealer.seal(JSON.stringify(dialog)) });
}

/** The dialog an earlier attempt of this event started from; undefined when no attempt changed the dialog. */
export async function dialogBefore(eventId: string, sealer: Sealer): Promise<StoredDialog | null | undefined> {
  const doc = await EventAttemptModel.findById(`${eventId}#dialog`).lean();
  if (!doc?.dialogSealed) return undefined;
  return JSON.parse(sealer.open(doc.dialogSealed)) as StoredDialog | null;
}
