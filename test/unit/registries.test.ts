import { validate as isValidCron } from 'node-cron';
import { describe, expect, it } from 'vitest';
import type { ChatContext } from '../../src/features/common/context.js';
import { exportReport } from '../../src/features/export-report/feature.js';
import { loadConfig } from '../../src/config.js';
import { NO_OWN_SETTINGS, resolveOrgSettings, type DeploymentSettings, type OrganisationSettings } from '../../src/domain/organisation.js';
import { cronOf, JOB_NAMES, JOBS, jobSchedules } from '../../src/jobs/registry.js';
import type { RunnerDeps } from '../../src/jobs/run-job.js';
import type { LineClient } from '../../src/line/client.js';
import { createLogger } from '../../src/log.js';
import { isScopeReport, REPORT_KINDS, reportDefinition, roundOfReport } from '../../src/reports/catalogue.js';
import { JOB_TH } from '../../src/simulator/time-machine.js';
import { TenantDirectory } from '../../src/tenants/directory.js';

const THAI = /[\u0E00-\u0E7F]/;
const distinct = (values: string[]) => new Set(values).size === values.length;

describe('the report registry', () => {
  it('holds one complete record per kind: labels, scope, file type, digit default and builder', () => {
    expect(REPORT_KINDS.length).toBeGreaterThan(0);
    for (const kind of REPORT_KINDS) {
      const d = reportDefinition(kind);
      expect(d.label, kind).toMatch(THAI);
      expect(d.shortLabel.length, kind).toBeGreaterThan(0);
      expect(d.shortLabel.length, kind).toBeLessThanOrEqual(20);
      expect(['docx', 'xlsx', 'csv'], kind).toContain(d.fileType);
      expect(['organisation', 'supervisor'], kind).toContain(d.scope);
      expect([null, 'thai', 'arabic'], kind).toContain(d.digits);
      expect(typeof d.build, kind).toBe('function');
      // The kind's name says its file type, as the CLI's users and download links read it.
      expect(kind.endsWith(`-${d.fileType}`), kind).toBe(true);
    }
    expect(distinct(REPORT_KINDS.map((k) => reportDefinition(k).label))).toBe(true);
    expect(distinct(REPORT_KINDS.map((k) => reportDefinition(k).shortLabel))).toBe(true);
  });

  it('keeps the documents as their seeds print them: Thai digits in Word, Arabic in files keyed into ITAS, E-PlanNACC and O24', () => {
    for (const kind of REPORT_KINDS.filter((k) => reportDefinition(k).fileType === 'docx')) expect(reportDefinition(kind).digits, kind).toBe('thai');
    expect(reportDefinition('oit-xlsx').digits).toBe('arabic');
    for (const kind of ['eplan-6-xlsx', 'eplan-6-csv', 'eplan-12-xlsx', 'eplan-12-csv', 'complaints-xlsx', 'rollup-xlsx'] as const) expect(reportDefinition(kind).digits, kind).toBeNull();
  });

  it('says which round each E-PlanNACC report covers, and which reports are signed by who asked', () => {
    expect(REPORT_KINDS.filter((k) => roundOfReport(k) === 'six_month')).toEqual(['eplan-6-xlsx', 'eplan-6-csv']);
    expect(REPORT_KINDS.filter((k) => roundOfReport(k) === 'twelve_month')).toEqual(['eplan-12-xlsx', 'eplan-12-csv', 'plan-narrative-docx']);
    expect(REPORT_KINDS.filter((k) => reportDefinition(k).signed)).toEqual(['eplan-6-xlsx', 'eplan-6-csv', 'eplan-12-xlsx', 'eplan-12-csv', 'plan-narrative-docx']);
  });

  it("offers in LINE's export list every organisation report of the registry by its short label, and no supervisor's report", async () => {
    const ctx = {
      input: { kind: 'text', text: 'ส่งออกรายงาน' },
      reportLink: () => ({ url: 'https://example.test/r', minutes: 30 }),
    } as unknown as ChatContext;
    const [message] = await exportReport.handle(ctx);
    const items = (message as { quickReply?: { items: { action: { label: string; data?: string } }[] } }).quickReply!.items;
    const offered = items.filter((i) => i.action.data).map((i) => i.action.label);
    const organisationKinds = REPORT_KINDS.filter((k) => reportDefinition(k).scope === 'organisation');
    expect(offered).toEqual(organisationKinds.map((k) => reportDefinition(k).shortLabel));
    expect(REPORT_KINDS.filter(isScopeReport)).toEqual(['rollup-xlsx']);
  });
});

describe('the job registry', () => {
  const config = (env: NodeJS.ProcessEnv = {}) => loadConfig({ LINE_CHANNEL_SECRET: 's', LINE_CHANNEL_ACCESS_TOKEN: 't', DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'), ...env });
  const deps = { settings: { orgId: 'default', thresholds: [], roundReminderDaysBefore: [] } } as unknown as RunnerDeps;

  it('gives every job one definition: its name, a default schedule, the variable that moves it, and its Thai name', () => {
    expect(JOB_NAMES.length).toBeGreaterThan(0);
    expect(Object.keys(JOBS)).toEqual([...JOB_NAMES]);
    for (const name of JOB_NAMES) {
      const job = JOBS[name];
      expect(job.name).toBe(name);
      expect(isValidCron(job.cron), name).toBe(true);
      expect(job.cronVariable, name).toMatch(/^[A-Z_]+_CRON$/);
      expect(job.thai.name, name).toMatch(THAI);
      expect(job.thai.schedule, name).toMatch(/^ตามกำหนดปกติ: /);
      expect(JOB_TH[name], name).toEqual(job.thai);
    }
    expect(distinct(JOB_NAMES.map((n) => JOBS[n].cronVariable))).toBe(true);
  });

  it('schedules every job at its default when the environment says nothing, besides the quota, own-times and resume ticks', () => {
    const schedules = jobSchedules(config(), deps);
    for (const name of JOB_NAMES) expect(schedules.find((s) => s.name === name)?.cron, name).toBe(JOBS[name].cron);
    expect(schedules.map((s) => s.name)).toEqual([...JOB_NAMES, 'message-quota', 'own-times', 'resume-abandoned-runs']);
    expect(schedules.find((s) => s.name === 'message-quota')?.cron).toBe('5 7 * * *');
    // The defaults the README documents.
    expect(JOBS['follow-up'].cron).toBe('0 9 28-31 * *');
    expect(JOBS['monthly-summary'].cron).toBe('30 8 1-10 * 1-5');
  });

  it("moves a job's schedule by its variable, and only that job's", () => {
    for (const name of JOB_NAMES) {
      const moved = config({ [JOBS[name].cronVariable]: '7 7 * * *' });
      for (const other of JOB_NAMES) expect(cronOf(moved, JOBS[other]), `${name} moved, ${other}`).toBe(other === name ? '7 7 * * *' : JOBS[other].cron);
      expect(jobSchedules(moved, deps).find((s) => s.name === name)?.cron).toBe('7 7 * * *');
    }
    expect(() => config({ FOLLOW_UP_CRON: 'every day' })).toThrow(/FOLLOW_UP_CRON must be a cron expression/);
  });
});

describe("an organisation's settings", () => {
  const deployment: DeploymentSettings = {
    thresholds: [{ label: 'ผ่าน', min: 50 }, { label: 'ไม่ผ่าน', min: 0 }],
    complaintCategories: ['ถนน', 'ไฟฟ้า'],
    dialogTimeoutMinutes: 30,
    roundReminderDaysBefore: [7, 1],
    oitReminderDaysBefore: [7, 3, 1],
    notices: { mergeSeconds: 60, digestTime: '16:00' },
  };

  it("are its own where it set them and the environment's elsewhere", () => {
    const own: OrganisationSettings = { ...NO_OWN_SETTINGS, thresholds: [{ label: 'ดี', min: 60 }, { label: 'พอใช้', min: 0 }], digits: 'thai', jobTimes: { 'monthly-summary': '10:00' }, digestTime: 'off' };
    expect(resolveOrgSettings('abt-a', own, deployment)).toEqual({
      orgId: 'abt-a',
      thresholds: [{ label: 'ดี', min: 60 }, { label: 'พอใช้', min: 0 }],
      digits: 'thai',
      complaintCategories: ['ถนน', 'ไฟฟ้า'],
      dialogTimeoutMinutes: 30,
      roundReminderDaysBefore: [7, 1],
      oitReminderDaysBefore: [7, 3, 1],
      jobTimes: { 'monthly-summary': '10:00' },
      // Its digest off: notices go at once, merged only by the deployment's window.
      notices: { mergeSeconds: 60, digestTime: null },
    });
    expect(resolveOrgSettings('abt-c', { ...NO_OWN_SETTINGS, digestTime: '08:30' }, deployment).notices).toEqual({ mergeSeconds: 60, digestTime: '08:30' });
    expect(resolveOrgSettings('abt-b', NO_OWN_SETTINGS, deployment)).toEqual({ orgId: 'abt-b', ...deployment, digits: null, jobTimes: {} });
  });

  it('are resolved once per read of the organisations by the tenant directory, and an operator’s change counts from the next read', async () => {
    const own = new Map<string, OrganisationSettings>([['abt-a', { ...NO_OWN_SETTINGS, roundReminderDaysBefore: [14] }]]);
    let reads = 0;
    const directory = new TenantDirectory({
      defaultTenant: null,
      loadChannels: async () => [],
      loadSettings: async () => {
        reads++;
        const now = new Map(own);
        return (orgId) => now.get(orgId) ?? NO_OWN_SETTINGS;
      },
      deployment,
      clientFor: () => ({}) as LineClient,
      log: createLogger('silent'),
    });
    await directory.refresh();
    const first = directory.orgSettings('abt-a');
    expect(first.roundReminderDaysBefore).toEqual([14]);
    expect(first.thresholds).toEqual(deployment.thresholds);
    expect(directory.orgSettings('abt-a')).toBe(first);
    expect(directory.orgSettings('abt-b').roundReminderDaysBefore).toEqual([7, 1]);

    own.set('abt-a', { ...NO_OWN_SETTINGS, roundReminderDaysBefore: [3], digits: 'thai' });
    expect(directory.orgSettings('abt-a').roundReminderDaysBefore).toEqual([14]);
    await directory.refresh();
    expect(reads).toBe(2);
    expect(directory.orgSettings('abt-a')).toMatchObject({ roundReminderDaysBefore: [3], digits: 'thai' });
  });
});
