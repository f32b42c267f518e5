import type { Sealer } from '../security/crypto.js';
import { isDuplicateKey } from './is-duplicate-key.js';
import { ComplaintModel } from './models/complaint.js';
import { DataKeyCheckModel } from './models/data-key-check.js';
import { OrganisationModel } from './models/organisation.js';
import { OutboxMessageModel } from './models/outbox-message.js';

const CHECK_ID = 'data-key';
const CHECK_TEXT = 'prongsai data key check';

function opens(sealer: Sealer, sealed: string): boolean {
  try {
    return sealer.open(sealed) !== '';
  } catch {
    return false;
  }
}

/** Something this database already holds sealed, for a database that was in use before the check existed. */
async function anySealed(): Promise<string | null> {
  const complaint = await ComplaintModel.findOne({}, { reporterSealed: 1 }).lean();
  if (complaint?.reporterSealed) return complaint.reporterSealed;
  const message = await OutboxMessageModel.findOne({}, { toSealed: 1 }).lean();
  if (message?.toSealed) return message.toSealed;
  const organisation = await OrganisationModel.findOne({ channel: { $ne: null } }, { channel: 1 }).lean();
  return organisation?.channel?.secretSealed ?? null;
}

/**
 * Whether DATA_ENCRYPTION_KEY is the key this database's data is sealed with. The first start stores the
 * check (an insert: of two instances starting at once with different keys, the second is told); a database
 * from before the check is judged by one record it holds sealed, then given the check.
 */
export async function dataKeyFitsDatabase(sealer: Sealer, now = new Date()): Promise<boolean> {
  const check = await DataKeyCheckModel.findById(CHECK_ID).lean();
  if (check) return opens(sealer, check.sealed);
  const sealed = await anySealed();
  if (sealed !== null && !opens(sealer, sealed)) return false;
  try {
    await DataKeyCheckModel.create({ _id: CHECK_ID, sealed: sealer.seal(CHECK_TEXT), at: now });
    return true;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const stored = await DataKeyCheckModel.findById(CHECK_ID).lean();
    return stored !== null && opens(sealer, stored.sealed);
  }
}
