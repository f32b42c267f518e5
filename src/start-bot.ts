import type { Logger } from 'pino';
import { loadConfig } from './config.js';
import { resolveDatabase } from './db/open-database.js';
import { startServer, type RunningServer } from './server.js';
import { isDemoMode, PERSONAS, seedDemo, startDemoLine } from './simulator/demo.js';

export interface StartedBot {
  server: RunningServer;
  /** Closes the server, then the demo's fake LINE and the local database it started, if any. */
  stop(): Promise<void>;
}

/**
 * Starts the bot from an environment: configuration, database (a local FerretDB when MONGODB_URI is unset), HTTP
 * and background work. With DEMO=1 (and nothing that makes it unsafe, see demoRequested) it starts in demo mode
 * with the simulator. What the operator fixes in the configuration is thrown as a ConfigError or StartError, whose
 * message alone main.ts prints; tests start it in their own process the same way.
 */
export async function startBot(env: NodeJS.ProcessEnv, log: Logger): Promise<StartedBot> {
  const demo = isDemoMode(env) ? await startDemoLine(env) : null;
  const config = loadConfig(demo?.env ?? env);
  const { uri, local } = await resolveDatabase(config);
  if (local) log.info({ dataDir: local.dataDir }, `MONGODB_URI is unset: using a local FerretDB; data lives in ${local.dataDir}`);

  const server = await startServer(config, { mongoUri: uri, log, simulator: demo ? { fakeLine: demo.fakeLine, personas: PERSONAS } : undefined });
  log.info({ url: server.url, webhook: `${server.url}/webhook`, org: config.ORG_CODE }, 'Prongsai is listening');
  if (demo) {
    await seedDemo(config.ORG_CODE);
    log.info(`Demo mode (DEMO=1): open http://localhost:${config.PORT}/simulator to chat with the bot`);
  }
  return {
    server,
    async stop() {
      await server.close();
      await demo?.fakeLine.stop();
      await local?.stop();
    },
  };
}
