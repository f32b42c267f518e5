import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { Config } from './config.js';
import { connectDatabase, disconnectDatabase } from './db/connect.js';
import { ensureOrganisation } from './db/organisation-store.js';
import { createApp } from './http/app.js';
import { EventRunner } from './intake/event-runner.js';
import { removeStaleDialogs } from './jobs/remove-stale-dialogs.js';
import { startJobs } from './jobs/scheduler.js';
import { createLineClient, type LineClient } from './line/client.js';
import type { Logger } from './log.js';

export interface RunningServer {
  url: string;
  runner: EventRunner;
  line: LineClient;
  close(): Promise<void>;
}

/** Connects the database, starts the HTTP server and the background event runner. */
export async function startServer(config: Config, options: { mongoUri: string; dbName?: string; log: Logger; now?: () => Date }): Promise<RunningServer> {
  const now = options.now ?? (() => new Date());
  const log = options.log;
  await connectDatabase(options.mongoUri, options.dbName);
  await ensureOrganisation(config.ORG_CODE, now());
  const line = createLineClient(config);
  const runner = new EventRunner({
    orgId: config.ORG_CODE,
    line,
    log,
    instanceId: randomUUID(),
    dialogTimeoutMinutes: config.DIALOG_TIMEOUT_MINUTES,
    maxAttempts: config.EVENT_MAX_ATTEMPTS,
    now,
  });
  const app = createApp({
    channelSecret: config.LINE_CHANNEL_SECRET,
    orgId: config.ORG_CODE,
    bodyLimit: config.WEBHOOK_BODY_LIMIT,
    log,
    now,
    onStored: (ids, userOf) => runner.enqueue(ids, userOf),
  });
  const server: Server = await new Promise((ok) => {
    const s = app.listen(config.PORT, () => ok(s));
  });
  runner.start();
  const jobs = startJobs([removeStaleDialogs], log);

  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    runner,
    line,
    async close() {
      await jobs.stop();
      await new Promise<void>((ok) => server.close(() => ok()));
      await runner.stop();
      await disconnectDatabase();
    },
  };
}
