import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalDatabase } from '../../src/local-database/local-ferretdb.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
  }
}

/**
 * Tests run against a real database: the server in MONGODB_URI when it is set (e.g. a real MongoDB),
 * otherwise a FerretDB started here on a fresh data folder. Each test file then works in a database of its own.
 */
export default async function setup(project: TestProject) {
  if (process.env.MONGODB_URI) {
    project.provide('mongoUri', process.env.MONGODB_URI);
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'prongsai-test-db-'));
  const db = await startLocalDatabase({ dataDir, durable: false });
  project.provide('mongoUri', `${db.serverUri}/?directConnection=true&serverSelectionTimeoutMS=5000`);
  return async () => {
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
