import mongoose from 'mongoose';
import { ALL_MODELS } from './models/index.js';

/**
 * Connects mongoose and builds every index before anything is served, so an index the server cannot
 * build (or a duplicate that violates a unique one) stops the start instead of surfacing later.
 */
export async function connectDatabase(uri: string, dbName?: string): Promise<typeof mongoose> {
  mongoose.set('strictQuery', true);
  await mongoose.connect(uri, { serverSelectionTimeoutMS: 5_000, autoIndex: false, ...(dbName ? { dbName } : {}) });
  await Promise.all(ALL_MODELS.map((model) => model.createCollection().catch(ignoreExists).then(() => model.createIndexes())));
  return mongoose;
}

function ignoreExists(error: unknown): void {
  if ((error as { code?: number }).code !== 48) throw error;
}

export async function isDatabaseReachable(): Promise<boolean> {
  const db = mongoose.connection.db;
  if (mongoose.connection.readyState !== 1 || !db) return false;
  try {
    // A health check must answer quickly: a server that does not reply within a second is not ready.
    await db.command({ ping: 1 }, { timeoutMS: 1_000 });
    return true;
  } catch {
    return false;
  }
}

export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}
