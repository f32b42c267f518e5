import { existsSync } from 'node:fs';
import type { StorageConfig } from '../config.js';
import type { LocalDatabase } from '../local-database/local-ferretdb.js';

export const LOCAL_DATABASE_NAME = 'prongsai';

/** Reads .env when present; variables already in the environment win. */
export function loadDotEnv(): void {
  if (existsSync('.env')) process.loadEnvFile('.env');
}

/** The database to use: MONGODB_URI when set, otherwise the local FerretDB and PostgreSQL on LOCAL_DATA_DIR. */
export async function resolveDatabase(config: StorageConfig): Promise<{ uri: string; local?: LocalDatabase }> {
  if (config.MONGODB_URI) return { uri: config.MONGODB_URI };
  // Loaded only here: the local stack's packages are development dependencies, absent from the production image.
  const { startLocalDatabase } = await import('../local-database/local-ferretdb.js');
  const local = await startLocalDatabase({ dataDir: config.LOCAL_DATA_DIR });
  return { uri: local.uriFor(LOCAL_DATABASE_NAME), local };
}
