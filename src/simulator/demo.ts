import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoRequested } from '../config.js';
import { hasMeasures } from '../db/measure-store.js';
import { addOrganisation, updateOrganisation } from '../db/organisation-store.js';
import { setPlannedBudget } from '../db/plan-store.js';
import { linkStaffOnce } from '../db/staff-store.js';
import { fiscalYearOf } from '../domain/fiscal-year.js';
import type { StaffRole } from '../domain/roles.js';
import { importPlan } from '../plan-import/import-plan.js';
import { createSealer, newDataKey } from '../security/crypto.js';
import { seedDemoOit } from './demo-oit.js';
import { FakeLineApi } from './fake-line-api.js';

/**
 * Demo mode: with no LINE credentials, the bot runs against a built-in fake LINE API, with a sample
 * organisation, its neighbours in the district, the sample plan and its OIT list, and nine personas, so anyone can try it in
 * the simulator page. It starts only with DEMO=1, and never in production, with MONGODB_URI or a LINE
 * credential set, or on an address other than loopback.
 */
export interface Persona {
  id: string;
  name: string;
  role: string;
  /** The person who speaks; in a group persona, the member who types in the group. */
  userId: string;
  roles: StaffRole[];
  unit: string | null;
  /** ชื่อ-นามสกุล and ตำแหน่ง as the person would have typed them at registration: they sign the demo's reports. */
  fullName?: string;
  officialPosition?: string;
  /** A supervisor's scope (`district:อ่างทอง/โพธิ์ทอง`, domain/rollup.ts). */
  scope?: string;
  /** A group chat rather than a person's own chat: what is typed there comes from `userId`, in this group. */
  groupId?: string;
}

/** The chat a persona's page shows: the group's for a group persona, the person's own otherwise. */
export const chatIdOf = (p: Persona): string => p.groupId ?? p.userId;

const EXECUTIVE_USER_ID = 'Udemo0000000000000000000executive';

export const PERSONAS: Persona[] = [
  { id: 'officer', name: 'สมศรี ใจดี', role: 'เจ้าหน้าที่ผู้รับผิดชอบ (สำนักปลัด)', userId: 'Udemo00000000000000000000officer', roles: ['officer'], unit: 'สำนักปลัด', fullName: 'นางสาวสมศรี ใจดี', officialPosition: 'นักวิเคราะห์นโยบายและแผนชำนาญการ' },
  { id: 'executive', name: 'นายกฯ ประเสริฐ', role: 'ผู้บริหาร', userId: EXECUTIVE_USER_ID, roles: ['executive', 'admin'], unit: null, fullName: 'นายประเสริฐ มั่นคงดี', officialPosition: 'นายกเทศมนตรีตำบลโพธิ์ทอง' },
  // The organisation's admin (the ปลัด, as in most organisations): imports the plan by sending its file, invites staff, sets things up.
  { id: 'admin', name: 'ปลัดฯ วิชัย', role: 'ปลัดเทศบาล · ผู้ดูแลระบบขององค์กร', userId: 'Udemo0000000000000000000000admin', roles: ['admin'], unit: 'สำนักปลัด', fullName: 'นายวิชัย รักษ์ธรรม', officialPosition: 'ปลัดเทศบาลตำบลโพธิ์ทอง' },
  { id: 'citizen', name: 'ชาวบ้าน มานะ', role: 'ประชาชน', userId: 'Udemo000000000000000000000citizen', roles: [], unit: null },
  { id: 'complaint-officer', name: 'วิไล รับเรื่อง', role: 'เจ้าหน้าที่รับเรื่องร้องเรียน', userId: 'Udemo000000000000complaintofficer', roles: ['complaint_officer'], unit: 'สำนักปลัด', fullName: 'นางวิไล รักษ์ประชา', officialPosition: 'เจ้าพนักงานธุรการชำนาญงาน' },
  // Checks the officers' OIT answers before they go into ITAS (the demo's OIT list has some waiting).
  { id: 'reviewer', name: 'ปราณี ตรวจทาน', role: 'ผู้ตรวจสอบข้อมูลเปิดเผยต่อสาธารณะ (OIT)', userId: 'Udemo00000000000000000000reviewer', roles: ['reviewer'], unit: null, fullName: 'นางปราณี ทองคำ', officialPosition: 'หัวหน้าสำนักปลัดเทศบาล' },
  { id: 'integrity-officer', name: 'นิติกร สุจริต', role: 'นิติกร / ผู้รับผิดชอบเรื่องทุจริต', userId: 'Udemo000000000000integrityofficer', roles: ['integrity_officer'], unit: 'สำนักปลัด', fullName: 'นายสุจริต ธรรมดี', officialPosition: 'นิติกรปฏิบัติการ' },
  // The district office has no LINE account of its own in the demo: its supervisor registered with this one.
  { id: 'supervisor', name: 'ท้องถิ่นอำเภอ สมหมาย', role: 'ผู้กำกับดูแลระดับอำเภอ (อำเภอโพธิ์ทอง)', userId: 'Udemo000000000000000000supervisor', roles: ['supervisor'], unit: null, scope: 'district:อ่างทอง/โพธิ์ทอง', fullName: 'นายสมหมาย ใจซื่อ', officialPosition: 'ท้องถิ่นอำเภอโพธิ์ทอง' },
  // The executives' LINE group, with the executive persona in it: linking it (a code from the executive's own
  // chat) and the monthly summary arriving there can be tried.
  { id: 'executives-group', name: 'กลุ่มผู้บริหาร ทต.โพธิ์ทอง', role: 'กลุ่ม LINE · พิมพ์ในนามนายกฯ ประเสริฐ', userId: EXECUTIVE_USER_ID, roles: [], unit: null, groupId: 'Cdemo000000000000000executivegroup' },
];

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** DEMO=1 and nothing that could make it unsafe (config.ts, demoRequested); throws ConfigError on a conflict. */
export function isDemoMode(env: NodeJS.ProcessEnv): boolean {
  return demoRequested(env);
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
  for (const p of PERSONAS.filter((x) => !x.groupId)) fakeLine.profiles.set(p.userId, p.name);
  return {
    fakeLine,
    env: {
      ...env,
      LINE_CHANNEL_SECRET: randomBytes(16).toString('hex'),
      LINE_CHANNEL_ACCESS_TOKEN: fakeLine.accessToken,
      LINE_API_BASE_URL: fakeLine.url,
      LINE_DATA_API_BASE_URL: fakeLine.url,
      DATA_ENCRYPTION_KEY: env.DATA_ENCRYPTION_KEY?.trim() || demoDataKey(env.LOCAL_DATA_DIR ?? '.data'),
      // The personas can be acted as by anyone who reaches the simulator: this machine only.
      HOST: env.HOST || '127.0.0.1',
    },
  };
}

/**
 * The demo organisation is the one whose anti-corruption plan the sample carries (seed 004): its projects
 * name it, so the summary and the E-PlanNACC table read as its own. Seed 004 states no ITA score, so none
 * is shown.
 */
export const DEMO_ORGANISATION = { name: 'เทศบาลตำบลโพธิ์ทอง', district: 'โพธิ์ทอง', province: 'อ่างทอง', itaScore: null, itaLevel: null };

/**
 * Budgets the demo gives some projects, in baht. Seed 004 reports 0.00 for every project, and the shipped
 * plan says so; the demo adds these (to projects still in progress, three of them the officer persona's
 * unit's) only so that the report dialog's disbursement step and the disbursement rate can be tried.
 */
/**
 * The demo organisation's neighbours in อำเภอโพธิ์ทอง, so that the district supervisor's "ภาพรวม" has a
 * district to show: one with the sample plan and its results (as the demo organisation), one with the plan
 * and nothing reported, one with no plan yet. They have no LINE channel: nobody chats with them.
 */
export const DEMO_NEIGHBOURS: { orgId: string; name: string; plan: 'with results' | 'nothing reported' | 'none' }[] = [
  { orgId: 'demo-bang-chao-cha', name: 'องค์การบริหารส่วนตำบลบางเจ้าฉ่า', plan: 'with results' },
  { orgId: 'demo-inthapramun', name: 'องค์การบริหารส่วนตำบลอินทประมูล', plan: 'nothing reported' },
  { orgId: 'demo-yang-chai', name: 'องค์การบริหารส่วนตำบลยางช้าย', plan: 'none' },
];

export const DEMO_BUDGETS: Record<string, number> = { 'EP-01': 30_000, 'EP-02': 20_000, 'EP-10': 15_000, 'EP-13': 10_000 };

/**
 * Loads the sample organisation, plan and personas. The plan is moved into the fiscal year of `now`, so the
 * summary shows this year's work rather than items overdue for years, and it brings seed 004's results
 * (projects 1, 2, 7, 10 and 13 in progress, the other ten completed: 83.33 %) as imported reports. It is
 * imported once per fiscal year; later starts keep what the demo user did.
 */
export async function seedDemo(orgId: string, now = new Date()): Promise<void> {
  await updateOrganisation(orgId, DEMO_ORGANISATION);
  const fiscalYear = fiscalYearOf(now);
  if (await importSamplePlan(orgId, now, { withoutResults: false })) {
    for (const [code, budget] of Object.entries(DEMO_BUDGETS)) await setPlannedBudget(orgId, { fiscalYear, code, budget });
  }
  // No channel is sealed for a neighbour: the key only satisfies the signature.
  const sealer = createSealer(newDataKey());
  const { district, province } = DEMO_ORGANISATION;
  for (const n of DEMO_NEIGHBOURS) {
    await addOrganisation(n.orgId, { profile: { name: n.name, district, province }, channel: null, sealer, now });
    if (n.plan !== 'none') await importSamplePlan(n.orgId, now, { withoutResults: n.plan === 'nothing reported' });
  }
  for (const p of PERSONAS.filter((x) => x.roles.length > 0)) {
    const profile = { fullName: p.fullName ?? null, officialPosition: p.officialPosition ?? null };
    await linkStaffOnce(orgId, { lineUserId: p.userId, displayName: p.name, roles: p.roles, unit: p.unit, scope: p.scope ?? null, inviteCode: 'DEMO', ...profile }, now);
  }
  // The OIT answers and reviews the demo starts with are recorded under the name each person signs with.
  const person = (id: string) => {
    const p = PERSONAS.find((x) => x.id === id)!;
    return { lineUserId: p.userId, displayName: p.fullName ?? p.name };
  };
  await seedDemoOit(orgId, { officer: person('officer'), reviewer: person('reviewer') }, now);
}

/** Imports the sample plan into the fiscal year of `now`, once; whether it did. */
async function importSamplePlan(orgId: string, now: Date, options: { withoutResults: boolean }): Promise<boolean> {
  const fiscalYear = fiscalYearOf(now);
  if (await hasMeasures(orgId, fiscalYear)) return false;
  const imported = await importPlan(orgId, resolve(projectRoot, 'examples/plan-2568.csv'), { toFiscalYear: fiscalYear, now, ...options });
  if (!imported.ok) throw new Error(`the sample plan does not import: ${JSON.stringify(imported.problems)}`);
  return true;
}
