import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { deploymentSettings, type Config } from './config.js';
import { connectDatabase, disconnectDatabase } from './db/connect.js';
import { dataKeyFitsDatabase } from './db/data-key-check-store.js';
import { ensureOrganisation } from './db/organisation-store.js';
import { moveIndicatorTable } from './db/indicator-store.js';
import { moveOitPlanItems } from './db/oit-plan-move.js';
import { staffIdOf } from './db/staff-store.js';
import { createApp } from './http/app.js';
import { EventRunner } from './intake/event-runner.js';
import { jobSchedules, jobSettings, resumeEverywhere } from './jobs/registry.js';
import { pruneWebhookRecords } from './jobs/prune-event-records.js';
import { pruneRegisterFailures } from './jobs/prune-register-failures.js';
import { pruneGroupLinkRecords } from './jobs/prune-group-link-records.js';
import { removeStaleDialogs } from './jobs/remove-stale-dialogs.js';
import type { RunnerDeps } from './jobs/run-job.js';
import { startSchedules } from './jobs/scheduler.js';
import pLimit from 'p-limit';
import { readLineQuota } from './outbox/line-quota.js';
import { createOutbox } from './outbox/create-outbox.js';
import { OutboxSender } from './outbox/sender.js';
import type { LineClient } from './line/client.js';
import type { ChatDeps } from './chat/deps.js';
import { createTenants } from './tenants/create.js';
import type { TenantDirectory } from './tenants/directory.js';
import type { Logger } from './log.js';
import { createSealer } from './security/crypto.js';
import { createLinkSigner } from './security/signed-link.js';
import { reportDownloadRouter, type ReportLink } from './http/report-download.js';
import { evidenceDownloadRouter } from './http/evidence-download.js';
import { publicPageRouter } from './http/public-page.js';
import { addMinutes } from 'date-fns';
import { simulatorRouter, type SimulatorDeps } from './simulator/routes.js';
import { onboardRouter } from './http/onboard.js';
import { activeChannels } from './db/organisation-store.js';
import { reinstallChangedMenus, type ReinstallOutcome } from './menus/reinstall-changed-menus.js';

export interface RunningServer {
  url: string;
  runner: EventRunner;
  outbox: OutboxSender;
  jobDeps: RunnerDeps;
  /** The default organisation's LINE client. */
  line: LineClient;
  tenants: TenantDirectory;
  /** The start-up check of the rich menus (installed again where their files changed), by organisation. */
  menusChecked: Promise<Record<string, ReinstallOutcome>>;
  close(graceMs?: number): Promise<void>;
}

/** Connects the database, starts the HTTP server, the event runner, the outbox sender and the schedules. */
export interface ServerOptions {
  mongoUri: string;
  dbName?: string;
  log: Logger;
  now?: () => Date;
  /** Demo mode only: serve the simulator page over the built-in fake LINE API. */
  simulator?: Pick<SimulatorDeps, 'fakeLine' | 'personas'>;
}

/** A start-up failure the operator fixes in the configuration: main prints its message alone, no stack. */
export class StartError extends Error {}
export class ListenError extends StartError {}

const WRONG_DATA_KEY =
  'DATA_ENCRYPTION_KEY is not the key this database was encrypted with: start with the key it was set up with (a new key cannot read the data sealed with the old one).';

/** Until the bot is ready, what reaches the port is asked to come again: LINE redelivers a webhook answered 503. */
const notReady: RequestListener = (_req, res) => {
  res.writeHead(503, { 'Retry-After': '1', 'Content-Type': 'application/json' }).end('{"status":"starting"}');
};

function listenError(error: unknown, config: Pick<Config, 'PORT' | 'HOST'>): Error {
  const code = (error as NodeJS.ErrnoException).code;
  const where = `${config.HOST ?? 'all interfaces'} port ${config.PORT}`;
  if (code === 'EADDRINUSE') return new ListenError(`Cannot listen on ${where}: it is already in use (another Prongsai?). Stop that process or set PORT to a free port.`);
  if (code === 'EACCES') return new ListenError(`Cannot listen on ${where}: permission denied. Use a PORT above 1023.`);
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return new ListenError(`Cannot listen on ${where}: HOST is not an address of this machine.`);
  return error instanceof Error ? error : new Error(String(error));
}

export async function startServer(config: Config, options: ServerOptions): Promise<RunningServer> {
  // The port first: a start that cannot listen must leave the database as it found it.
  let handle: RequestListener = notReady;
  const server = createServer((req, res) => handle(req, res));
  try {
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(config.PORT, config.HOST, () => {
        server.off('error', fail);
        ok();
      });
    });
  } catch (error) {
    throw listenError(error, config);
  }
  try {
    return await startServing(config, options, server, (app) => (handle = app));
  } catch (error) {
    server.closeAllConnections();
    await new Promise<void>((ok) => server.close(() => ok()));
    await disconnectDatabase();
    throw error;
  }
}

async function startServing(config: Config, options: ServerOptions, server: Server, serve: (app: RequestListener) => void): Promise<RunningServer> {
  const now = options.now ?? (() => new Date());
  const log = options.log;
  await connectDatabase(options.mongoUri, options.dbName);
  const sealer = createSealer(config.DATA_ENCRYPTION_KEY);
  if (!(await dataKeyFitsDatabase(sealer, now()))) throw new StartError(WRONG_DATA_KEY);
  await ensureOrganisation(config.ORG_CODE, now());
  // The old indicator table becomes plan items once; every instance may try, each row moves once (docs/database.md).
  const movedIndicators = await moveIndicatorTable(now());
  if (movedIndicators.moved + movedIndicators.skipped > 0) log.info(movedIndicators, 'moved the old indicator table onto plan items');
  // Plan items naming an OIT item become that OIT item's guideline once, the same way (docs/domain.md).
  const movedOit = await moveOitPlanItems(now());
  if (movedOit.moved > 0) log.info(movedOit, 'moved plan items naming OIT items onto the OIT list');
  const tenants = createTenants(config, sealer, log, deploymentSettings(config), () => now().getTime());
  await tenants.start();
  const line = tenants.lineFor(config.ORG_CODE);
  const signer = createLinkSigner(config.DATA_ENCRYPTION_KEY);
  const evidenceSigner = createLinkSigner(config.DATA_ENCRYPTION_KEY, 'evidence-link');
  const { port: boundPort } = server.address() as AddressInfo;
  const publicBaseUrl = () => config.PUBLIC_BASE_URL ?? `http://localhost:${boundPort}`;
  const publicPageUrl = (orgId: string) => `${publicBaseUrl()}/public/${orgId}`;
  const instanceId = randomUUID();
  const { meter, sender: outbox } = createOutbox({ config, lineFor: (orgId) => tenants.lineFor(orgId), settingsOf: (orgId) => tenants.orgSettings(orgId), log, sealer, instanceId, now });
  const readMessageQuota = (orgId: string) => readLineQuota(orgId, tenants.lineFor(orgId), now());
  const jobDeps: RunnerDeps = {
    // A getter: without PUBLIC_BASE_URL the address names the port, known only once the server listens.
    settings: { ...jobSettings(config), publicPageUrl, readMessageQuota },
    log,
    sealer,
    instanceId,
    leaseSeconds: config.JOB_LEASE_SECONDS,
    clock: () => new Date(),
    onEnqueued: () => outbox.kick(),
    // LINE's count moves once the run's messages are out: read it then, in the background, a few channels at a
    // time (a monthly tick of thousands of organisations must not fire thousands of reads at once).
    onRunsDone: (orgIds) => {
      const few = pLimit(8);
      void outbox
        .flush()
        .then(() => Promise.all(orgIds.map((orgId) => few(() => readMessageQuota(orgId)))))
        .catch((error: unknown) => log.warn({ err: error }, 'could not read LINE\'s message quota after a job run'));
    },
  };
  const thresholdsOf = (orgId: string) => tenants.orgSettings(orgId).thresholds;
  const reportLink = (orgId: string): ChatDeps['reportLink'] => (kind, now, requester, fiscalYear) => {
    const link: ReportLink = { org: orgId, kind, by: sealer.seal(staffIdOf(orgId, requester)), ...(fiscalYear ? { fiscalYear } : {}) };
    const token = signer.sign(link, addMinutes(now, config.REPORT_LINK_MINUTES));
    return { url: `${publicBaseUrl()}/reports/${token}`, minutes: config.REPORT_LINK_MINUTES };
  };
  const evidenceLink = (orgId: string): ChatDeps['evidenceLink'] => (link, now) => {
    const token = evidenceSigner.sign({ o: orgId, ...link }, addMinutes(now, config.EVIDENCE_LINK_MINUTES));
    return { url: `${publicBaseUrl()}/evidence/${token}`, minutes: config.EVIDENCE_LINK_MINUTES };
  };
  const runner = new EventRunner(
    {
      channelOf: (orgId) => ({
        line: tenants.lineFor(orgId),
        reportLink: reportLink(orgId),
        evidenceLink: evidenceLink(orgId),
        publicPageUrl: () => publicPageUrl(orgId),
        settings: tenants.orgSettings(orgId),
        activeFiscalYear: () => tenants.activeFiscalYear(orgId),
      }),
      log,
      instanceId,
      sealer,
      maxAttempts: config.EVENT_MAX_ATTEMPTS,
      replyTokenSafeSeconds: config.REPLY_TOKEN_SAFE_SECONDS,
      kickOutbox: () => outbox.kick(),
      meter,
      now,
    },
    { queueLimit: config.EVENT_QUEUE_LIMIT },
  );
  const app = createApp({
    tenantFor: (destination, pathOrg, signedWith) => tenants.forWebhook(destination, pathOrg, signedWith),
    bodyLimit: config.WEBHOOK_BODY_LIMIT,
    log,
    sealer,
    now,
    intake: {
      owner: instanceId,
      accepting: () => runner.accepting(),
      onStored: (fresh, waiting) => {
        runner.enqueue(fresh);
        runner.enqueueWaiting(waiting);
      },
    },
    extraRouters: [
      reportDownloadRouter({ signer, sealer, serves: (orgId) => tenants.get(orgId) !== null, settingsOf: (orgId) => tenants.orgSettings(orgId), log }),
      evidenceDownloadRouter({ signer: evidenceSigner, serves: (orgId) => tenants.get(orgId) !== null, log }),
      publicPageRouter({ orgId: config.ORG_CODE, thresholdsOf, cacheMinutes: config.PUBLIC_PAGE_CACHE_MINUTES, log, now }),
      onboardRouter({ config, sealer, log, now, publicBaseUrl, channelsChanged: () => tenants.refresh() }),
      ...(options.simulator ? [simulatorRouter({ ...options.simulator, channelSecret: config.LINE_CHANNEL_SECRET, runner, outbox, jobDeps })] : []),
    ],
  });
  await runner.start();
  serve(app);
  outbox.start();
  const orgIds = () => tenants.orgIds();
  const schedules = startSchedules([removeStaleDialogs, pruneWebhookRecords, pruneRegisterFailures, pruneGroupLinkRecords, ...jobSchedules(config, jobDeps, orgIds)], log);
  // A run this or another instance left half-way (crash, deploy) is finished now rather than at the next tick.
  const resuming = resumeEverywhere(jobDeps, orgIds()).catch((error: unknown) => log.error({ err: error }, 'resume failed'));
  // Menus whose files changed since they were installed are installed again, in the background: the bot answers meanwhile.
  const menusChecked = menusToCheck(config, sealer, tenants)
    .then((organisations) => reinstallChangedMenus({ organisations, owner: instanceId, log }))
    .catch((error: unknown) => {
      log.error({ err: error }, 'checking the rich menus failed');
      return {};
    });

  return {
    url: `http://127.0.0.1:${boundPort}`,
    runner,
    outbox,
    jobDeps,
    line,
    tenants,
    menusChecked,
    // Within Docker's 10 s: intake answers 503 from the first moment, events in progress get `graceMs`
    // (4 s by default) and what is left waits in the inbox for the next start.
    async close(graceMs?: number) {
      runner.beginStop();
      const httpClosed = new Promise<void>((ok) => server.close(() => ok()));
      server.closeIdleConnections();
      tenants.stop();
      await Promise.all([resuming, menusChecked, schedules.stop(), outbox.stop(), runner.stop(graceMs)]);
      // A keep-alive connection still open here only gets 503s: it does not hold the stop up.
      server.closeAllConnections();
      await httpClosed;
      await disconnectDatabase();
    },
  };
}

/** Every organisation this instance answers for, with the LINE settings of its own channel (the environment's for the default). */
async function menusToCheck(config: Config, sealer: ReturnType<typeof createSealer>, tenants: TenantDirectory) {
  const tokens = new Map((await activeChannels(sealer)).map((c) => [c.orgId, c.accessToken]));
  return tenants.orgIds().map((orgId) => ({
    orgId,
    config: { ...config, LINE_CHANNEL_ACCESS_TOKEN: tokens.get(orgId) ?? config.LINE_CHANNEL_ACCESS_TOKEN },
    line: tenants.lineFor(orgId),
  }));
}
