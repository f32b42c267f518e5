import { ConfigError } from './config.js';
import { loadDotEnv } from './db/open-database.js';
import { log } from './log.js';
import { StartError } from './server.js';
import { startBot } from './start-bot.js';

/** `npm start`: the bot as a process (start-bot.ts), stopped by SIGINT or SIGTERM; a refused start exits 1 with one line. */
const STOP_DEADLINE_MS = 8_000;

async function main(): Promise<void> {
  loadDotEnv();
  const bot = await startBot(process.env, log);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    // Docker kills 10 s after SIGTERM; whatever is unfinished at 8 s is in the inbox for the next start.
    setTimeout(() => process.exit(0), STOP_DEADLINE_MS).unref();
    await bot.stop();
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
