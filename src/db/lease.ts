import { addSeconds } from 'date-fns';
import { isDuplicateKey } from './is-duplicate-key.js';

/**
 * Work that several app instances may pick up at once (a webhook event's attempt, an outbox send, a job run
 * and its takeovers) is claimed by inserting a document under a unique `_id`: exactly one insert wins, on
 * MongoDB and FerretDB alike, with no transaction and no read-then-write (docs/database.md).
 */

/** Inserts one document unbatched; false when its `_id` was taken first (`batchedInsert` is the batched kind). */
export function insertUnique<D extends { _id: string }>(model: { create(doc: D): Promise<unknown> }): (doc: D) => Promise<boolean> {
  return async (doc) => {
    try {
      await model.create(doc);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  };
}

/** Where the claims of one kind of work go: round `n` of a unit is claimed as `<unit>#<n>`. */
export interface ClaimLedger<C extends { _id: string }> {
  record(id: string, unitId: string, owner: string, at: Date): C;
  insert(claim: C): Promise<boolean>;
}

/**
 * The winner of a round records it on the unit right after its insert. An instance that dies in between
 * leaves a claim nobody else can win, and the unit would offer that same round forever; so once such a claim
 * is older than the lease, the unit is moved past it and the next pass claims the round after.
 */
export interface Lease {
  seconds: number;
  /** When the claim was made; null when it is gone. */
  claimedAt(claimId: string): Promise<Date | null>;
  /** Records `round` on the unit, only if the unit still shows the round before it. */
  moveOn(unitId: string, round: number): Promise<void>;
}

export interface Round {
  unitId: string;
  round: number;
  owner: string;
  now: Date;
}

/** Claims a round of a unit of work; true when this instance won it. Without a lease a taken round just loses. */
export async function claimRound<C extends { _id: string }>(ledger: ClaimLedger<C>, { unitId, round, owner, now }: Round, lease?: Lease): Promise<boolean> {
  const id = `${unitId}#${round}`;
  if (await ledger.insert(ledger.record(id, unitId, owner, now))) return true;
  if (lease) {
    const claimedAt = await lease.claimedAt(id);
    if (claimedAt && claimedAt < addSeconds(now, -lease.seconds)) await lease.moveOn(unitId, round);
  }
  return false;
}
