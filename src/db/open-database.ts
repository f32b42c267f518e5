import { existsSync } from 'node:fs';
import type { StorageConfig } from '../config.js';
import { startLocalDatabase, type LocalDatabase } from './local-ferretdb.js';

export const LOCAL_DATABASE_NAME = 'prongsai';

/** Reads .env when present; variables already in the environment win. */
export function loadDotEnv(): void {
  if (existsSync('.env')) process.loadEnvFile('.env');
}

/** The database to use: MONGODB_URI when set, otherwise the local FerretDB on LOCAL_DATA_DIR. */
export async function resolveDatabase(config: StorageConfig): Promise<{ uri: string; local?: LocalDatabase }> {
  if (config.MONGODB_URI) return { uri: config.MONGODB_URI };
  const local = await startLocalDatabase({ dataDir: config.LOCAL_DATA_DIR });
  return { uri: local.uriFor(LOCAL_DATABASE_NAME), local };
}
