import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, inject } from 'vitest';
import { FakeLine } from './fake-line.js';
import { connectTestDatabase, TEST_DATA_KEY } from './harness.js';

/** The environment the operator CLI runs with in a test: the test's own database and the fake LINE. */
export function cliEnv(dbName: string, orgId: string, fake: FakeLine, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const uri = new URL(inject('mongoUri'));
  uri.pathname = `/${dbName}`;
  return {
    ...process.env,
    MONGODB_URI: uri.toString(),
    ORG_CODE: orgId,
    LINE_CHANNEL_SECRET: 'x',
    DATA_ENCRYPTION_KEY: TEST_DATA_KEY,
    LINE_CHANNEL_ACCESS_TOKEN: fake.accessToken,
    LINE_API_BASE_URL: fake.url,
    LINE_DATA_API_BASE_URL: fake.url,
    LOG_LEVEL: 'silent',
    ...extra,
  };
}

/**
 * For a test file of operator commands: its own database and fake LINE, opened before its tests and closed
 * after them, and `cli(...args)`, which runs `npm run cli -- ...args` against them and resolves to its output.
 */
export function withOperatorCli(orgId: string): { cli: (...args: string[]) => Promise<string>; cliWith: (env: Record<string, string>, ...args: string[]) => Promise<string> } {
  const own = withOwnDatabaseAndLine();
  const cliWith = async (env: Record<string, string>, ...args: string[]) =>
    (await promisify(execFile)('node_modules/.bin/tsx', ['src/cli/program.ts', ...args], { env: cliEnv(own.dbName(), orgId, own.line(), env), timeout: 60_000 })).stdout;
  return { cli: (...args) => cliWith({}, ...args), cliWith };
}

/**
 * A database of the test file's own and a fake LINE, for processes the test starts (the CLI, the app):
 * opened before its tests, closed after them.
 */
export function withOwnDatabaseAndLine(): { dbName: () => string; line: () => FakeLine } {
  let db: Awaited<ReturnType<typeof connectTestDatabase>>;
  let fake: FakeLine;
  beforeAll(async () => {
    db = await connectTestDatabase();
    fake = await new FakeLine().start();
  });
  afterAll(async () => {
    await fake?.stop();
    await db?.close();
  });
  return { dbName: () => db.dbName, line: () => fake };
}
