/**
 * `npm run db`: runs the local FerretDB on LOCAL_DATA_DIR (default .data) in the foreground and prints its
 * connection string, for mongosh or a second tool; Ctrl-C stops it. `npm start` does this by itself.
 */
import { loadStorageConfig } from '../src/config.js';
import { LOCAL_DATABASE_NAME, loadDotEnv } from '../src/db/open-database.js';
import { startLocalDatabase } from '../src/local-database/local-ferretdb.js';

loadDotEnv();
const config = loadStorageConfig();
const db = await startLocalDatabase({ dataDir: config.LOCAL_DATA_DIR });
console.log(`FerretDB ${db.serverUri} · data in ${db.dataDir}`);
console.log(`MONGODB_URI=${db.uriFor(LOCAL_DATABASE_NAME)}`);
console.log('Ctrl-C stops it.');
const stop = async () => {
  await db.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
await new Promise(() => undefined);
