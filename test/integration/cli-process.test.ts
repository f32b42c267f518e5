import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { OrganisationModel } from '../../src/db/models/organisation.js';
import { cliEnv, withOwnDatabaseAndLine } from '../support/cli.js';

// The other CLI tests run the commands in their own process; these check the process itself: that
// `npm run cli -- …` starts, opens and closes the database, and exits with the code the operator's script sees.

const ORG = 'cli-process-org';
const own = withOwnDatabaseAndLine();

function npmCli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn('npm', ['run', '-s', 'cli', '--', ...args], { env: cliEnv(own.dbName(), ORG, own.line()) });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run cli as a process', () => {
  it('runs a command against the database and exits 0 once it has closed it', async () => {
    const done = await npmCli('org', '--name', 'เทศบาลตำบลหลัก');
    expect(done).toMatchObject({ code: 0, stderr: '' });
    expect(done.stdout).toContain('เทศบาลตำบลหลัก (cli-process-org)');
    expect(await OrganisationModel.findById(ORG).lean()).toMatchObject({ name: 'เทศบาลตำบลหลัก' });
  }, 60_000);

  it('exits 1 with one line on standard error when it finds nothing to act on', async () => {
    const missing = await npmCli('org', 'disable', 'no-such-org');
    expect(missing).toMatchObject({ code: 1, stdout: '', stderr: 'ไม่พบองค์กรรหัส no-such-org\n' });
  }, 60_000);
});
