import { addMinutes } from 'date-fns';
import type { DialogState } from '../domain/dialog-state.js';
import type { Sealer } from '../security/crypto.js';
import { ConversationModel, conversationId } from './models/conversation.js';

export interface StoredDialog {
  state: DialogState;
  expired: boolean;
}

export async function loadDialog(orgId: string, userKey: string, now: Date, sealer: Sealer): Promise<StoredDialog | null> {
  const doc = await ConversationModel.findById(conversationId(orgId, userKey)).lean();
  if (!doc) return null;
  const data = doc.sealedData ? (JSON.parse(sealer.open(doc.sealedData)) as object) : ((doc.data ?? {}) as object);
  return { state: { dialog: doc.dialog, step: doc.step, data }, expired: doc.expiresAt <= now };
}

export async function saveDialog(orgId: string, userKey: string, state: DialogState, now: Date, timeoutMinutes: number, sealer: Sealer): Promise<void> {
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
