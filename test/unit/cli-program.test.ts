import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import { createLogger } from '../../src/log.js';

/** One command line run to its end without a database: what it printed, the exit code, and whether it opened one. */
async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  let opened = 0;
  const code = await runCli(
    args,
    {
      say: (line) => void (stdout += `${line}\n`),
      complain: (line) => void (stderr += `${line}\n`),
      now: () => new Date('2026-12-05T03:00:00Z'),
      env: {},
      log: createLogger('silent'),
      withDatabase: () => {
        opened++;
        throw new Error('no database in this test');
      },
    },
    { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) },
  );
  return { code, stdout, stderr, opened };
}

describe('the operator CLI run in process', () => {
  it('prints its help to standard output and exits 0, as the process would', async () => {
    const help = await run('--help');
    expect(help).toMatchObject({ code: 0, stderr: '', opened: 0 });
    expect(help.stdout).toContain('Usage: prongsai');
    expect(help.stdout).toContain('holiday');
  });

  it('refuses an unknown command or a wrong argument with commander\'s message and exit 1, before opening the database', async () => {
    expect(await run('no-such-command')).toMatchObject({ code: 1, stdout: '', stderr: expect.stringContaining("unknown command 'no-such-command'"), opened: 0 });
    expect(await run('holiday', 'add', '2027-02-30', 'x')).toMatchObject({ code: 1, stderr: expect.stringContaining('ต้องเป็นวันที่แบบ ปี ค.ศ.-เดือน-วัน'), opened: 0 });
    expect(await run('invite', '--role', 'supervisor')).toMatchObject({ code: 1, stderr: 'บทบาท supervisor ต้องระบุ --scope และ --scope ใช้ได้กับบทบาท supervisor เท่านั้น\n', opened: 0 });
  });

  it('reports a failure inside a command on one line and exits 1', async () => {
    expect(await run('org', 'list')).toMatchObject({ code: 1, stdout: '', stderr: 'no database in this test\n', opened: 1 });
  });
});
