import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasMeasures, measureIdByCode } from '../db/measure-store.js';
import { updateOrganisation } from '../db/organisation-store.js';
import { hasProgressReports, saveProgressReport } from '../db/progress-store.js';
import { linkStaffOnce } from '../db/staff-store.js';
import type { StaffRole } from '../domain/roles.js';
import { importPlan } from '../plan-import/import-plan.js';
import { newDataKey } from '../security/crypto.js';
import { FakeLineApi } from './fake-line-api.js';

/**
 * Demo mode: with no LINE credentials, the bot runs against a built-in fake LINE API, with a sample
 * organisation, the sample plan and five personas, so anyone can try it in the simulator page.
 * It is never used in production (NODE_ENV=production) or when any LINE credential is set.
 */
export interface Persona {
  id: string;
  name: string;
  role: string;
  userId: string;
  roles: StaffRole[];
  unit: string | null;
}

export const PERSONAS: Persona[] = [
  { id: 'officer', name: 'สมศรี ใจดี', role: 'เจ้าหน้าที่ผู้รับผิดชอบ (สำนักปลัด)', userId: 'Udemo00000000000000000000officer', roles: ['officer'], unit: 'สำนักปลัด' },
  { id: 'executive', name: 'นายกฯ ประเสริฐ', role: 'ผู้บริหาร', userId: 'Udemo0000000000000000000executive', roles: ['executive', 'admin'], unit: null },
  { id: 'citizen', name: 'ชาวบ้าน มานะ', role: 'ประชาชน', userId: 'Udemo000000000000000000000citizen', roles: [], unit: null },
  { id: 'complaint-officer', name: 'วิไล รับเรื่อง', role: 'เจ้าหน้าที่รับเรื่องร้องเรียน', userId: 'Udemo000000000000complaintofficer', roles: ['complaint_officer'], unit: 'สำนักปลัด' },
  { id: 'integrity-officer', name: 'นิติกร สุจริต', role: 'นิติกร / ผู้รับผิดชอบเรื่องทุจริต', userId: 'Udemo000000000000integrityofficer', roles: ['integrity_officer'], unit: 'สำนักปลัด' },
];

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function isDemoMode(env: NodeJS.ProcessEnv): boolean {
  return !env.LINE_CHANNEL_SECRET && !env.LINE_CHANNEL_ACCESS_TOKEN && env.NODE_ENV !== 'production';
}

/** A data key kept beside the demo data, so a restarted demo can still read what it stored. */
function demoDataKey(dataDir: string): string {
  const file = resolve(dataDir, 'demo-data-key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const key = newDataKey();
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}

/** Starts the fake LINE API and returns the environment that points the bot at it. */
export async function startDemoLine(env: NodeJS.ProcessEnv): Promise<{ fakeLine: FakeLineApi; env: NodeJS.ProcessEnv }> {
  const fakeLine = await new FakeLineApi(`demo-${randomBytes(8).toString('hex')}`).start();
  for (const p of PERSONAS) fakeLine.profiles.set(p.userId, p.name);
  return {
    fakeLine,
    env: {
      ...env,
      LINE_CHANNEL_SECRET: randomBytes(16).toString('hex'),
      LINE_CHANNEL_ACCESS_TOKEN: fakeLine.accessToken,
      LINE_API_BASE_URL: fakeLine.url,
      LINE_DATA_API_BASE_URL: fakeLine.url,
      DATA_ENCRYPTION_KEY: env.DATA_ENCRYPTION_KEY ?? demoDataKey(env.LOCAL_DATA_DIR ?? '.data'),
    },
  };
}

/**
 * Loads the sample organisation, plan and personas (once; later starts keep what the demo user did), with
 * seed 004's results on its 15 projects so the summary shows the seed's 83.33 %.
 */
export async function seedDemo(orgId: string, now = new Date()): Promise<void> {
  await updateOrganisation(orgId, { name: 'องค์การบริหารส่วนตำบลตัวอย่าง', district: 'โพธิ์ทอง', province: 'อ่างทอง', itaScore: 92.5, itaLevel: 'A' });
  if (!(await hasMeasures(orgId))) await importPlan(orgId, resolve(projectRoot, 'examples/plan-2568.csv'));
  for (const p of PERSONAS.filter((x) => x.roles.length > 0)) {
    await linkStaffOnce(orgId, { lineUserId: p.userId, displayName: p.name, roles: p.roles, unit: p.unit, inviteCode: 'DEMO' }, now);
  }
  if (await hasProgressReports(orgId)) return;
  const reporter = PERSONAS[0]!;
  const reportedAt = new Date('2025-09-20T03:00:00Z');
  for (let i = 1; i <= 15; i++) {
    const measureId = await measureIdByCode(orgId, `EP-${String(i).padStart(2, '0')}`);
    if (!measureId) continue;
    const status = i <= 10 ? 'completed' : 'in_progress';
    await saveProgressReport(
      orgId,
      { measureId, status, summary: status === 'completed' ? 'ดำเนินการตามแผนครบถ้วนแล้ว' : 'อยู่ระหว่างดำเนินการตามแผน', attachments: [] },
      { lineUserId: reporter.userId, displayName: reporter.name, roles: reporter.roles, unit: reporter.unit },
      reportedAt,
      `demo-seed-${randomBytes(12).toString('hex')}`,
    );
  }
}
