import type { AnyBulkWriteOperation, Collection } from 'mongoose';

/** What the batcher needs of a model: its native collection (whose `_id`s here are strings). */
type WithCollection = { collection: Pick<Collection, 'insertMany'> };

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
 * was already taken (the insert-on-a-unique-key claim of docs/database.md). An unordered insertMany
 * reports each duplicate as its own E11000 write error; any other error fails the whole batch.
 */
export function batchedInsert<D extends { _id: string }>(model: WithCollection): (doc: D) => Promise<boolean> {
  return batcher<D, boolean>(async (docs) => {
    // The same _id twice in one batch: the first is the insert, the rest are duplicates.
    const seen = new Set<string>();
    const unique: D[] = [];
    const firstOf = docs.map((d) => {
      if (seen.has(d._id)) return -1;
      seen.add(d._id);
      unique.push(d);
      return unique.length - 1;
    });
    const rejected = new Set<number>();
    try {
      await model.collection.insertMany(unique as never[], { ordered: false });
    } catch (error) {
      const writeErrors = (error as { writeErrors?: { index: number; code?: number }[] | { index: number; code?: number } }).writeErrors;
      const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
      if (list.length === 0 || list.some((w) => w.code !== 11000)) throw error;
      for (const w of list) rejected.add(w.index);
    }
    return firstOf.map((i) => i >= 0 && !rejected.has(i));
  });
}

/**
 * The same for documents a model would `create`: each is cast, given its defaults and validated one by one
 * (so a bad document fails alone), then inserted with the others. For writes made by the thousand in one tick:
 * a job's runs and outbox messages for every organisation of a deployment.
 */
export function batchedCreate<D extends { _id: string }>(model: WithCollection & { new (doc: D): { validate(): Promise<void>; toObject(): object } }): (doc: D) => Promise<boolean> {
  const insert = batchedInsert<D>(model);
  return async (doc) => {
    const document = new model(doc);
    await document.validate();
    return insert(document.toObject() as D);
  };
}

/**
 * Single-document updates by `_id`, batched into one unordered `bulkWrite` per window: one command instead of
 * one per document. A batch that fails fails every write in it, as a single update would.
 */
export function batchedUpdate(model: { bulkWrite(ops: AnyBulkWriteOperation[], options: { ordered: false; throwOnValidationError: boolean }): Promise<unknown> }): (op: AnyBulkWriteOperation) => Promise<void> {
  return batcher<AnyBulkWriteOperation, void>(async (ops) => {
    // Unordered, mongoose leaves out an operation that fails its cast or validation and reports it here
    // instead of throwing: a write that was not made must not pass for one that was.
    const result = (await model.bulkWrite(ops, { ordered: false, throwOnValidationError: true })) as { mongoose?: { validationErrors?: unknown[] } };
    if (result.mongoose?.validationErrors?.length) throw new Error(`bulk write refused: ${String(result.mongoose.validationErrors[0])}`);
    return ops.map(() => undefined);
  });
}
