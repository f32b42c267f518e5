import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { PassThrough } from 'node:stream';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectDatabase } from '../../src/db/connect.js';
import { dataKeyFitsDatabase } from '../../src/db/data-key-check-store.js';
import { fileComplaint } from '../../src/db/complaint-store.js';
import { SAMPLE_DATA_KEY } from '../../src/security/key-strength.js';
import { createSealer, newDataKey } from '../../src/security/crypto.js';
import { ConfigError } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { StartError } from '../../src/server.js';
import { startBot } from '../../src/start-bot.js';
import { testDbName } from '../support/harness.js';

/** Runs `npm start`'s entry point as the operator would and returns how it ended. */
function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    // Only what the test gives: the developer's own .env or shell must not decide the outcome.
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'error', LOCAL_DATA_DIR: '/nonexistent/never-used', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((ok) =>
    child.on('exit', (code) => {
      clearTimeout(timer);
      ok({ code, stderr, stdout });
    }),
  );
}

/**
 * The same start in this process, for a start the configuration must refuse: resolves to the one line main.ts prints
 * for it (and exits 1 with; the port test above runs the real process) and what was logged on the way.
 */
async function refusedStart(env: Record<string, string>): Promise<{ message: string; logged: string }> {
  let logged = '';
  const stream = new PassThrough().on('data', (d: Buffer) => (logged += d.toString()));
  const only = { PATH: process.env.PATH ?? '', LOG_LEVEL: 'error', LOCAL_DATA_DIR: '/nonexistent/never-used', ...env };
  try {
    const bot = await startBot(only, createLogger('info', stream));
    await bot.stop();
  } catch (error) {
    if (error instanceof ConfigError || error instanceof StartError) return { message: error.message, logged };
    throw error;
  }
  throw new Error('the bot started');
}

const production = { NODE_ENV: 'production', LINE_CHANNEL_SECRET: 's', LINE_CHANNEL_ACCESS_TOKEN: 't' };

let taken: Server;
let takenPort: number;
beforeAll(async () => {
  taken = createServer();
  await new Promise<void>((ok) => taken.listen(0, () => ok()));
  takenPort = (taken.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((ok) => taken.close(() => ok())));

describe('starting the bot', () => {
  it('stops with a one-line message and a non-zero code when the port is taken', async () => {
    const dbName = testDbName();
    const mongoUri = inject('mongoUri').replace('/?', `/${dbName}?`);
    const { code, stderr, stdout } = await start({ ...production, DATA_ENCRYPTION_KEY: newDataKey(), MONGODB_URI: mongoUri, PORT: String(takenPort) });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(`Cannot listen on all interfaces port ${takenPort}: it is already in use (another Prongsai?). Stop that process or set PORT to a free port.`);
    expect(stdout + stderr).not.toMatch(/TypeError|\n\s+at /);
    // Nothing was written: not the organisation of ORG_CODE, not even the collections.
    // A connection of its own: mongoose's default one would create the collections of the models this file imports.
    const look = await mongoose.createConnection(inject('mongoUri'), { dbName }).asPromise();
    try {
      expect(await look.db!.listCollections().toArray()).toEqual([]);
    } finally {
      await look.close();
    }
  }, 70_000);

  it('names DATA_ENCRYPTION_KEY in one line when the database was sealed with another key', async () => {
    const dbName = testDbName();
    const first = newDataKey();
    // One database set up with `first` (its check stored), one from before the check with a case sealed with `first`.
    const legacy = testDbName();
    await connectDatabase(inject('mongoUri'), dbName);
    expect(await dataKeyFitsDatabase(createSealer(first))).toBe(true);
    await mongoose.disconnect();
    await connectDatabase(inject('mongoUri'), legacy);
    const story = { kind: 'general' as const, description: 'ไฟถนนดับ', accused: null, happenedWhen: null, location: null, attachments: [], contactName: null, contactPhone: null, notify: true };
    await fileComplaint('default', { complaint: story, reporterLineUserId: 'U5555555555555555555555555555eeee', sealer: createSealer(first), now: new Date(), eventId: 'key-check-setup' });
    await mongoose.disconnect();
    for (const name of [dbName, legacy]) {
      const mongoUri = inject('mongoUri').replace('/?', `/${name}?`);
      const { message, logged } = await refusedStart({ ...production, DATA_ENCRYPTION_KEY: newDataKey(), MONGODB_URI: mongoUri, PORT: '0' });
      expect(message, name).toBe(
        'DATA_ENCRYPTION_KEY is not the key this database was encrypted with: start with the key it was set up with (a new key cannot read the data sealed with the old one).',
      );
      expect(message + logged, name).not.toMatch(/unable to authenticate|\n\s+at /);
    }
    // The refused starts stored nothing sealed with their key: the first key still opens both.
    for (const name of [dbName, legacy]) {
      await connectDatabase(inject('mongoUri'), name);
      expect(await dataKeyFitsDatabase(createSealer(first)), name).toBe(true);
      await mongoose.disconnect();
    }
  }, 140_000);

  it('refuses the sample key in production, naming the variable and how to make a key', async () => {
    const { message, logged } = await refusedStart({ ...production, DATA_ENCRYPTION_KEY: SAMPLE_DATA_KEY });
    expect(message).toContain('DATA_ENCRYPTION_KEY is the public sample from .env.example');
    expect(message).toContain('openssl rand -base64 32');
    expect(message + logged).not.toMatch(/\n\s+at /);
  }, 70_000);

  it('does not fall into demo mode on a mistyped NODE_ENV or without DEMO=1', async () => {
    const typo = await refusedStart({ NODE_ENV: 'prod' });
    expect(typo.message).toContain('NODE_ENV must be one of production, development, test');
    const unset = await refusedStart({ NODE_ENV: 'Production' });
    expect(unset.message).toContain('LINE_CHANNEL_SECRET is required');
    expect(unset.message + unset.logged).not.toContain('Demo mode');
    const demoWithDatabase = await refusedStart({ DEMO: '1', MONGODB_URI: 'mongodb://127.0.0.1:1/prongsai' });
    expect(demoWithDatabase.message).toContain('DEMO=1 cannot be used: MONGODB_URI is set');
  }, 70_000);
});
