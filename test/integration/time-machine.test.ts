import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { addDayOff } from '../../src/holidays/load-calendar.js';
import { JOB_NAMES } from '../../src/jobs/registry.js';
import { createLogger } from '../../src/log.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { PERSONAS, seedDemo, startDemoLine } from '../../src/simulator/demo.js';
import type { FakeLineApi } from '../../src/simulator/fake-line-api.js';
import { testDbName } from '../support/harness.js';

/** The simulator's time machine, through its API as the page calls it, on a demo over the real database. */
const ORG = 'tm-demo';
let server: RunningServer;
let fakeLine: FakeLineApi;

beforeAll(async () => {
  const demo = await startDemoLine({ LOCAL_DATA_DIR: mkdtempSync(join(tmpdir(), 'prongsai-tm-')) });
  fakeLine = demo.fakeLine;
  server = await startServer(loadConfig({ ...demo.env, PORT: '0', ORG_CODE: ORG }), {
    mongoUri: inject('mongoUri'),
    dbName: testDbName(),
    log: createLogger('silent'),
    simulator: { fakeLine, personas: PERSONAS },
  });
  await seedDemo(ORG);
});

afterAll(async () => {
  await server?.close();
  await fakeLine?.stop();
});

const api = (path: string, body?: unknown) =>
  fetch(`${server.url}/simulator/api${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('the time machine', () => {
  it('names every job in Thai, with when it normally runs', async () => {
    const { jobs } = (await (await api('/state')).json()) as { jobs: { id: string; name: string; schedule: string }[] };
    expect(jobs.map((j) => j.id)).toEqual([...JOB_NAMES]);
    for (const job of jobs) {
      expect(job.name).toMatch(/^[\u0E00-\u0E7F]/);
      expect(job.name).not.toContain(job.id);
      expect(job.schedule).toMatch(/ตามกำหนดปกติ/);
    }
    expect(new Set(jobs.map((j) => j.name)).size).toBe(jobs.length);
  });

  it("picks the next month's first working day by the holiday calendar: not New Year's Day, nor the organisation's own day off", async () => {
    const firstOf = async (month: string) => ((await (await api(`/first-working-day?month=${month}`)).json()) as { date: string }).date;
    // 1 January 2027 is a Friday and a public holiday; the weekend follows.
    expect(await firstOf('2027-01')).toBe('2027-01-04');
    // 1 January 2026 (Thursday) is a holiday; the 2nd is a working day.
    expect(await firstOf('2026-01')).toBe('2026-01-02');
    expect(await firstOf('2026-11')).toBe('2026-11-02');
    await addDayOff('2027-01-04', 'งานประจำปีของเทศบาล', ORG);
    expect(await firstOf('2027-01')).toBe('2027-01-05');
    expect((await api('/first-working-day?month=2027-13')).status).toBe(400);
  });

  it('says what a run sent, and that a repeated run of the same period sent nothing new (and what the first one sent)', async () => {
    const run = async () => (await (await api('/jobs', { job: 'monthly-summary', asOf: '2026-11-02T08:30:00+07:00' })).json()) as { report: { kind: string; text: string } };
    const first = await run();
    expect(first.report).toEqual({ kind: 'ok', text: 'ทำงานเสร็จแล้ว ส่ง 1 ข้อความ ถึงผู้รับ 1 ราย' });
    // What was sent (LINE's quota, read after a run, is only read).
    const sends = () => fakeLine.requests.filter((r) => r.method === 'POST').length;
    const pushes = sends();

    const again = await run();
    expect(again.report.kind).toBe('warn');
    expect(again.report.text).toMatch(/^งานของรอบเวลานี้ทำไปแล้วเมื่อ .+ \(ครั้งนั้นส่งถึงผู้รับ 1 ราย\) ครั้งนี้จึงไม่ได้ส่งข้อความใหม่$/);
    expect(again.report.text).not.toMatch(/ส่งแล้ว 0/);
    expect(sends()).toBe(pushes);
  });
});
