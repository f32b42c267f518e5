import mongoose from 'mongoose';
import type { ChatContext } from '../../src/features/common/context.js';
import { FEATURES } from '../../src/chat/features.js';

/**
 * Fails one chosen database write, the way a lost connection or a crash would: `before` the write reaches
 * the database (nothing lands), or `after` it landed (the acknowledgement is lost). It wraps the models'
 * collections, which every write of the stores goes through (mongoose's `create`, `updateOne`, the group
 * commit's `insertMany`), so the stores themselves run unchanged.
 */
const WRITES = ['insertOne', 'insertMany', 'updateOne', 'updateMany', 'replaceOne', 'deleteOne', 'deleteMany', 'findOneAndUpdate', 'findOneAndReplace', 'findOneAndDelete', 'bulkWrite'];

export interface Watched {
  model: { collection: object };
  /** Only these methods count (e.g. the outbox's inserts, not the background sender's updates). */
  methods?: string[];
  /** Only writes of documents whose `_id` this accepts count (e.g. an event's `#replies` record, not its claims). */
  ids?: (id: string) => boolean;
}

const idsOf = (docs: unknown): string[] => (Array.isArray(docs) ? docs : [docs]).map((d) => String((d as { _id?: unknown })?._id));

export class FaultInjector {
  private armed: { n: number; when: 'before' | 'after' } | null = null;
  private counting = false;
  /** The writes counted since `count()` or `arm()`, as `<collection>.<method>`. */
  readonly writes: string[] = [];

  constructor(watched: Watched[]) {
    for (const { model, methods, ids } of watched) {
      const collection = model.collection as Record<string, unknown> & { name: string };
      for (const method of methods ?? WRITES) {
        const original = collection[method] as (...args: unknown[]) => Promise<unknown>;
        collection[method] = async (...args: unknown[]) => {
          if (!this.counting || (ids && !idsOf(args[0]).some(ids))) return original.apply(collection, args);
          this.writes.push(`${collection.name}.${method}`);
          const fault = this.armed && this.writes.length === this.armed.n ? this.armed.when : null;
          // As the driver reports a lost connection: a failure the bot retries.
          if (fault === 'before') throw new mongoose.mongo.MongoNetworkError(`injected fault before write ${this.writes.length}`);
          const result = await original.apply(collection, args);
          if (fault === 'after') throw new mongoose.mongo.MongoNetworkError(`injected fault after write ${this.writes.length}`);
          return result;
        };
      }
    }
  }

  /** Counts writes without failing any (to learn how many a path makes). */
  count(): void {
    this.writes.length = 0;
    this.armed = null;
    this.counting = true;
  }

  /** Fails the `n`th write from now. */
  arm(n: number, when: 'before' | 'after'): void {
    this.count();
    this.armed = { n, when };
  }

  off(): void {
    this.counting = false;
    this.armed = null;
  }
}

/**
 * Makes a feature fail the way a fault in its code would: `handle` (or its dialog's `continue`) runs, with
 * all it writes, and then throws `error`. Returns how many times it was called, and the undo.
 */
export function failFeature(name: string, part: 'handle' | 'continue', error: () => Error): { calls: () => number; restore: () => void } {
  const feature = FEATURES.find((f) => f.name === name);
  if (!feature) throw new Error(`no feature ${name}`);
  const target = (part === 'handle' ? feature : feature.dialog) as { handle?: unknown; continue?: unknown } | undefined;
  if (!target) throw new Error(`feature ${name} has no dialog`);
  const original = target[part] as (ctx: ChatContext) => Promise<unknown>;
  let calls = 0;
  target[part] = async (ctx: ChatContext) => {
    calls++;
    await original.call(target, ctx);
    throw error();
  };
  return { calls: () => calls, restore: () => (target[part] = original) };
}
