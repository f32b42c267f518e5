import { isDuplicateKey } from './is-duplicate-key.js';
import { RoundToldModel } from './models/round-told.js';

/** What an officer was told in a reply was still awaiting a report in a round, and when. */
export interface RoundTold {
  lineUserId: string;
  at: Date;
  measureIds: string[];
}

/**
 * Keeps what an officer was just told (`round` as `2568-twelve_month`). Only the newest telling is kept: of
 * two replies written at once, an older one arriving last changes nothing (its upsert finds the newer
 * document, misses the filter, and its insert hits the `_id`); a webhook delivered again writes the same.
 */
export async function recordRoundTold(orgId: string, round: string, told: RoundTold): Promise<void> {
  const _id = `${orgId}:${round}:${told.lineUserId}`;
  try {
    await RoundToldModel.updateOne(
      { _id, at: { $lte: told.at } },
      { $set: { orgId, round, lineUserId: told.lineUserId, at: told.at, measureIds: told.measureIds } },
      { upsert: true },
    );
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}

/** The officers told of a round at or after `since`, by LINE user id. */
export async function roundToldSince(orgId: string, round: string, since: Date): Promise<Map<string, RoundTold>> {
  const docs = await RoundToldModel.find({ orgId, round, at: { $gte: since } }).lean<RoundTold[]>();
  return new Map(docs.map(({ lineUserId, at, measureIds }) => [lineUserId, { lineUserId, at, measureIds }]));
}
