import type { AnyBulkWriteOperation, Collection } from 'mongoose';
import pLimit from 'p-limit';

/** What a bulk writer needs of a model: its native collection (whose `_id`s here are strings). */
export type WithCollection = { collection: Pick<Collection, 'insertMany'> };
export type Validating<D> = WithCollection & { new (doc: D): { validate(): Promise<void>; toObject(): object } };
export type BulkWriting = { bulkWrite(ops: AnyBulkWriteOperation[], options: { ordered: false; throwOnValidationError: boolean }): Promise<unknown> };

/**
 * Explicit bulk writes, for work made by the thousand at once (a job's runs, snapshots and outbox messages
 * for every organisation of a deployment): a few commands of up to `CHUNK` documents instead of one a
 * document. A database pays per command and per commit more than per document (FerretDB makes each command a
 * PostgreSQL transaction). Chunks go one after another, so a tick never holds more than one connection.
 */
const CHUNK = 1_000;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * Inserts documents; for each, true when it was inserted and false when its `_id` was already taken (the
 * insert-on-a-unique-key claim of docs/database.md). An unordered insertMany reports each duplicate as its own
 * E11000 write error; any other error fails the whole call. The same `_id` twice: the first is the insert.
 */
export async function insertIgnoringDuplicates<D extends { _id: string }>(model: WithCollection, docs: D[]): Promise<boolean[]> {
  const seen = new Set<string>();
  const unique: D[] = [];
  const firstOf = docs.map((d) => {
    if (seen.has(d._id)) return -1;
    seen.add(d._id);
    unique.push(d);
    return unique.length - 1;
  });
  const rejected = new Set<number>();
  let offset = 0;
  for (const chunk of chunks(unique)) {
    try {
      await model.collection.insertMany(chunk as never[], { ordered: false });
    } catch (error) {
      const writeErrors = (error as { writeErrors?: { index: number; code?: number }[] | { index: number; code?: number } }).writeErrors;
      const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
      if (list.length === 0 || list.some((w) => w.code !== 11000)) throw error;
      for (const w of list) rejected.add(offset + w.index);
    }
    offset += chunk.length;
  }
  return firstOf.map((i) => i >= 0 && !rejected.has(i));
}

/** Casts a document as the model would `create` it (types, defaults), and validates it: a bad one fails alone. */
export async function asCreated<D extends { _id: string }>(model: Validating<D>, doc: D): Promise<D> {
  const document = new model(doc);
  await document.validate();
  return document.toObject() as D;
}

/** `insertIgnoringDuplicates` for documents a model would `create`. */
export async function createIgnoringDuplicates<D extends { _id: string }>(model: Validating<D>, docs: D[]): Promise<boolean[]> {
  return insertIgnoringDuplicates(model, await Promise.all(docs.map((d) => asCreated(model, d))));
}

/**
 * FerretDB v1.24 keeps each update statement's PostgreSQL cursor, and so its connection, until the whole
 * `update` command ends: a command of more statements than the pool has connections (50) waits forever, as
 * do commands that hold the pool between them (measured: 40 statements in 70 ms, 51 never returned). So
 * multi-statement updates go `UPDATE_CHUNK` statements a command and `UPDATE_COMMANDS` commands at a time in
 * a process: 24 connections at most, which leaves room for a second instance and for everything else.
 */
const UPDATE_CHUNK = 12;
const updateCommands = pLimit(2);

/**
 * Unordered `bulkWrite`s of single-document writes. Unordered, mongoose leaves out an operation that fails its
 * cast or validation and reports it instead of throwing: a write that was not made must not pass for one that was.
 */
export async function writeAll(model: BulkWriting, ops: AnyBulkWriteOperation[]): Promise<void> {
  const commands: AnyBulkWriteOperation[][] = [];
  for (let i = 0; i < ops.length; i += UPDATE_CHUNK) commands.push(ops.slice(i, i + UPDATE_CHUNK));
  await Promise.all(
    commands.map((chunk) =>
      updateCommands(async () => {
        const result = (await model.bulkWrite(chunk, { ordered: false, throwOnValidationError: true })) as { mongoose?: { validationErrors?: unknown[] } };
        if (result.mongoose?.validationErrors?.length) throw new Error(`bulk write refused: ${String(result.mongoose.validationErrors[0])}`);
      }),
    ),
  );
}
