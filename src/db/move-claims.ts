import { claimRound, insertUnique, type ClaimLedger, type Lease, type Round } from './lease.js';

/** How long a claim on a row holds before another instance may pass it (one that died mid-move). */
const MOVE_LEASE_SECONDS = 600;

export type MoveClaim = { _id: string; unitId: string; owner: string; at: Date };

/**
 * The claims of a one-time data move that every starting instance runs: each row is claimed round by round in
 * `claims` (`<row id>#<round>`) and its round kept on the row, so several instances starting together move
 * each row once, and a row whose mover died is passed on after the lease.
 */
export function moveClaimer(
  claims: { create(doc: MoveClaim): Promise<unknown>; findById(id: string): { lean(): PromiseLike<unknown> } },
  moveOn: (rowId: string, round: number) => Promise<void>,
): (round: Round) => Promise<boolean> {
  const ledger: ClaimLedger<MoveClaim> = {
    record: (id, unitId, owner, at) => ({ _id: id, unitId, owner, at }),
    insert: insertUnique<MoveClaim>(claims),
  };
  const lease: Lease = {
    seconds: MOVE_LEASE_SECONDS,
    claimedAt: async (claimId) => ((await claims.findById(claimId).lean()) as { at?: Date } | null)?.at ?? null,
    moveOn,
  };
  return (round) => claimRound(ledger, round, lease);
}
