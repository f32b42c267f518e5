import type { AnyBulkWriteOperation } from 'mongoose';
import { asCreated, insertIgnoringDuplicates, writeAll, type BulkWriting, type Validating, type WithCollection } from './bulk-write.js';

/**
 * Group commit: single-document writes made within a couple of milliseconds of each other go to the
 * database as one command. A database pays per command and per commit more than per document (FerretDB
 * makes each command a PostgreSQL transaction), so bursts of webhooks and of event processing become a few
 * large writes instead of many small ones. MongoDB is just as correct with it and saves round trips.
 */
const WINDOW_MS = 2;
const MAX_BATCH = 500;

interface Pending<T, R> {
  item: T;
  done: (result: R) => void;
  fail: (error: unknown) => void;
}

function batcher<T, R>(write: (items: T[]) => Promise<R[]>): (item: T) => Promise<R> {
  let pending: Pending<T, R>[] = [];
  let timer: NodeJS.Timeout | undefined;
  const flush = async () => {
    const batch = pending;
    pending = [];
    clearTimeout(timer);
    timer = undefined;
    try {
      const results = await write(batch.map((p) => p.item));
      batch.forEach((p, i) => p.done(results[i]!));
    } catch (error) {
      for (const p of batch) p.fail(error);
    }
  };
  return (item) =>
    new Promise<R>((done, fail) => {
      pending.push({ item, done, fail });
      if (pending.length >= MAX_BATCH) void flush();
      else timer ??= setTimeout(() => void flush(), WINDOW_MS);
    });
}

/**
 * Inserts one document, batched with others; resolves true when it was inserted and false when its `_id`
 * was already taken (the insert-on-a-unique-key claim of docs/database.md).
 */
export function batchedInsert<D extends { _id: string }>(model: WithCollection): (doc: D) => Promise<boolean> {
  return batcher<D, boolean>((docs) => insertIgnoringDuplicates(model, docs));
}

/**
 * The same for documents a model would `create`: each is cast, given its defaults and validated one by one
 * (so a bad document fails alone), then inserted with the others.
 */
export function batchedCreate<D extends { _id: string }>(model: Validating<D>): (doc: D) => Promise<boolean> {
  const insert = batchedInsert<D>(model);
  return async (doc) => insert(await asCreated(model, doc));
}

/**
 * Single-document updates by `_id`, batched into one unordered `bulkWrite` per window: one command instead of
 * one per document. A batch that fails fails every write in it, as a single update would.
 */
export function batchedUpdate(model: BulkWriting): (op: AnyBulkWriteOperation) => Promise<void> {
  return batcher<AnyBulkWriteOperation, void>(async (ops) => {
    await writeAll(model, ops);
    return ops.map(() => undefined);
  });
}
