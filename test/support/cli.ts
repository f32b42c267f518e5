import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import mongoose from 'mongoose';
import { afterAll, beforeAll, inject } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import { createLogger } from '../../src/log.js';
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

export interface CliOutcome {
  stdout: string;
  stderr: string;
}

/** A command that exited with another code than 0, shaped like the error of a failed child process. */
export class CliFailed extends Error {
  constructor(
    readonly code: number,
    readonly stdout: string,
    readonly stderr: string,
    args: readonly string[],
  ) {
    super(`Command failed (exit ${code}): prongsai ${args.join(' ')}\n${stderr}`);
  }
}

/**
 * Runs one operator command line in this process, as `npm run cli -- ...args` would with `env`, against the
 * database mongoose is connected to (the test's, whose name `env` also carries). Resolves to what it printed
 * when it exits with 0; otherwise rejects with a CliFailed that carries its standard error in the message.
 */
export function runCliHere(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliOutcome> {
  return runCliAt(() => new Date(), env, ...args);
}

/** The same with the commands' clock at `now` instead of the wall clock's. */
export async function runCliAt(now: () => Date, env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliOutcome> {
  if (new URL(env.MONGODB_URI!).pathname !== `/${mongoose.connection.name}`) throw new Error('runCliAt: mongoose is connected to another database than the command is meant for');
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    args,
    {
      say: (line) => void (stdout += `${line}\n`),
      complain: (line) => void (stderr += `${line}\n`),
      now,
      env,
      log: createLogger('silent'),
      withDatabase: (work) => work(env.ORG_CODE!),
    },
    { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) },
  );
  if (code !== 0) throw new CliFailed(code, stdout, stderr, args);
  return { stdout, stderr };
}

/** `npm run cli -- ...args` as a process of its own, for the few tests of the process itself (its entry, exit code). */
export async function runCliProcess(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliOutcome> {
  return promisify(execFile)('node_modules/.bin/tsx', ['src/cli/main.ts', ...args], { env, timeout: 60_000 });
}

/**
 * For a test file of operator commands: its own database and fake LINE, opened before its tests and closed
 * after them, and `cli(...args)`, which runs `npm run cli -- ...args` against them (in this process) and resolves
 * to its output.
 */
export function withOperatorCli(orgId: string): { cli: (...args: string[]) => Promise<string>; cliWith: (env: Record<string, string>, ...args: string[]) => Promise<string> } {
  const own = withOwnDatabaseAndLine();
  const cliWith = async (env: Record<string, string>, ...args: string[]) => (await runCliHere(cliEnv(own.dbName(), orgId, own.line(), env), ...args)).stdout;
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
