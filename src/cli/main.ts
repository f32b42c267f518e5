import { loadStorageConfig } from '../config.js';
import { connectDatabase, disconnectDatabase } from '../db/connect.js';
import { loadDotEnv, resolveDatabase } from '../db/open-database.js';
import { createLogger } from '../log.js';
import type { WithDatabase } from './context.js';
import { runCli } from './program.js';

/** The operator CLI as a process: `npm run cli -- <command>` (node dist/cli/main.js in the image). */

// The commands print their own results; the log only speaks up for problems.
const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
loadDotEnv();

/** Opens the database for each command and always closes it (and the local FerretDB, if it started one). */
const withDatabase: WithDatabase = async (work) => {
  const config = loadStorageConfig();
  const { uri, local } = await resolveDatabase(config);
  try {
    await connectDatabase(uri);
    return await work(config.ORG_CODE);
  } finally {
    await disconnectDatabase();
    await local?.stop();
  }
};

process.exitCode = await runCli(
  process.argv.slice(2),
  { say: (line) => console.log(line), complain: (line) => console.error(line), now: () => new Date(), env: process.env, log, withDatabase },
  { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) },
);
