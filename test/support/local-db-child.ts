// A process that opens the local database on a folder (argv[2]), as `npm start` or the CLI does, prints what
// it got, and stops it when its stdin closes.
import { startLocalDatabase } from '../../src/local-database/local-ferretdb.js';

const db = await startLocalDatabase({ dataDir: process.argv[2]!, durable: false, waitMs: 90_000 });
process.stdout.write(`${JSON.stringify({ serverUri: db.serverUri, owner: db.owner, pid: process.pid })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void db.stop().then(() => process.exit(0));
});
