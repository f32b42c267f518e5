import { randomBytes } from 'node:crypto';
import type { webhook } from '@line/bot-sdk';
import mongoose from 'mongoose';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { connectDatabase } from '../../src/db/connect.js';
import { createLogger } from '../../src/log.js';
import { createSealer, newDataKey } from '../../src/security/crypto.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { FakeLine } from './fake-line.js';
import { sign, webhookBody } from './line-events.js';

export const CHANNEL_SECRET = 'test-channel-secret';
/** The data key of this test process; spawned processes that share its database get it too. */
export const TEST_DATA_KEY = newDataKey();
export const testSealer = createSealer(TEST_DATA_KEY);

/** A database of this test file's own on the shared test server. */
export function testDbName(): string {
  return `prongsai_test_${randomBytes(4).toString('hex')}`;
}

/** Connects mongoose alone, for tests of storage code without the HTTP server. */
export async function connectTestDatabase(): Promise<{ dbName: string; close(): Promise<void> }> {
  const dbName = testDbName();
  await connectDatabase(inject('mongoUri'), dbName);
  return {
    dbName,
    async close() {
      await mongoose.connection.dropDatabase();
      await mongoose.disconnect();
    },
  };
}

export interface Harness {
  line: FakeLine;
  server: RunningServer;
  config: Config;
  /** Posts a signed webhook body the way LINE does and returns the HTTP response (by default to the default organisation's channel). */
  post(events: webhook.Event[], options?: PostOptions): Promise<Response>;
  /** Posts events and waits until the bot has finished with them. */
  send(...events: webhook.Event[]): Promise<void>;
  /** The same, through another organisation's channel. */
  sendThrough(channel: TestChannel, ...events: webhook.Event[]): Promise<void>;
  close(): Promise<void>;
}

/** A LINE channel as the webhook sees it: the bot user id LINE sends as `destination`, and the secret it signs with. */
export interface TestChannel {
  destination: string;
  secret: string;
  /** `/webhook/<path>` instead of `/webhook`. */
  path?: string;
}

export interface PostOptions {
  signature?: string | null;
  rawBody?: string;
  channel?: TestChannel;
}

export interface HarnessOptions {
  /** Extra environment for the app's configuration. */
  env?: Partial<Record<string, string>>;
  /** Where the app's logs go (at trace level); silent when unset. */
  logTo?: NodeJS.WritableStream;
  /** A database server of the test's own (e.g. one the test stops and restarts). */
  mongoUri?: string;
  /**
   * No background retry sweep: the test brings retries forward and sweeps itself, and a sweep of the
   * server's own must not take an event whose lease the test cut short.
   */
  manualSweeps?: boolean;
  /** The app's clock (the outbox's retries and throttles, the chat, the jobs), for a test that moves time instead of waiting. */
  now?: () => Date;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const line = await new FakeLine().start();
  const config = loadConfig({
    LINE_CHANNEL_SECRET: CHANNEL_SECRET,
    LINE_CHANNEL_ACCESS_TOKEN: line.accessToken,
    DATA_ENCRYPTION_KEY: TEST_DATA_KEY,
    LINE_API_BASE_URL: line.url,
    LINE_DATA_API_BASE_URL: line.url,
    PORT: '0',
    ORG_CODE: 'test-org',
    LINE_REQUEST_TIMEOUT_MS: '3000',
    // Tests flush the outbox right after acting: notices are neither held for the merging window nor merged unless a test asks.
    NOTICE_MERGE_SECONDS: '0',
    // Nor held for the daily digest, unless a test turns it on.
    NOTICE_DIGEST_TIME: 'off',
    ...options.env,
  });
  const server = await startServer(config, {
    mongoUri: options.mongoUri ?? inject('mongoUri'),
    dbName: testDbName(),
    log: options.logTo ? createLogger('trace', options.logTo) : createLogger('silent'),
    now: options.now,
  });
  if (options.manualSweeps) server.runner.stopSweeps();
  const post = async (events: webhook.Event[], options: PostOptions = {}) => {
    const body = options.rawBody ?? (options.channel ? webhookBody(events, options.channel.destination) : webhookBody(events));
    const signature = options.signature === undefined ? sign(body, options.channel?.secret ?? CHANNEL_SECRET) : options.signature;
    return fetch(`${server.url}/webhook${options.channel?.path ? `/${options.channel.path}` : ''}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'x-line-signature': signature }) },
      body,
    });
  };
  return {
    line,
    server,
    config,
    post,
    async send(...events) {
      const res = await post(events);
      if (res.status !== 200) throw new Error(`webhook answered ${res.status}: ${await res.text()}`);
      await server.runner.idle();
    },
    async sendThrough(channel, ...events) {
      const res = await post(events, { channel });
      if (res.status !== 200) throw new Error(`webhook answered ${res.status}: ${await res.text()}`);
      await server.runner.idle();
    },
    async close() {
      await mongoose.connection.dropDatabase().catch(() => undefined);
      await server.close();
      await line.stop();
    },
  };
}
