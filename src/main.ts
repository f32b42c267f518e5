import { ConfigError, loadConfig } from './config.js';
import { loadDotEnv, resolveDatabase } from './db/open-database.js';
import { log } from './log.js';
import { StartError, startServer } from './server.js';
import { isDemoMode, PERSONAS, seedDemo, startDemoLine } from './simulator/demo.js';

/**
 * Starts the bot: configuration, database (a local FerretDB when MONGODB_URI is unset), HTTP and background
 * work. With DEMO=1 (and nothing that makes it unsafe, see demoRequested) it starts in demo mode with the simulator.
 */
const STOP_DEADLINE_MS = 8_000;

async function main(): Promise<void> {
  loadDotEnv();
  const demo = isDemoMode(process.env) ? await startDemoLine(process.env) : null;
  const config = loadConfig(demo?.env ?? process.env);
  const { uri, local } = await resolveDatabase(config);
  if (local) log.info({ dataDir: local.dataDir }, `MONGODB_URI is unset: using a local FerretDB; data lives in ${local.dataDir}`);

  const server = await startServer(config, { mongoUri: uri, log, simulator: demo ? { fakeLine: demo.fakeLine, personas: PERSONAS } : undefined });
  log.info({ url: server.url, webhook: `${server.url}/webhook`, org: config.ORG_CODE }, 'Prongsai is listening');
  if (demo) {
    await seedDemo(config.ORG_CODE);
    log.info(`Demo mode (DEMO=1): open http://localhost:${config.PORT}/simulator to chat with the bot`);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    // Docker kills 10 s after SIGTERM; whatever is unfinished at 8 s is in the inbox for the next start.
    setTimeout(() => process.exit(0), STOP_DEADLINE_MS).unref();
    await server.close();
    await demo?.fakeLine.stop();
    await local?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StartError) console.error(error.message);
  else log.fatal({ err: error instanceof Error ? error.stack : String(error) }, 'could not start');
  process.exit(1);
});
