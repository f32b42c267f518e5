import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeasureModel } from '../../src/db/models/measure.js';
import { loadRollup } from '../../src/db/rollup-store.js';
import { findStaff, linkStaffOnce, setStaffProfile } from '../../src/db/staff-store.js';
import { signatureOf } from '../../src/domain/staff.js';
import { supervisedScope } from '../../src/domain/rollup.js';
import { findOrganisation } from '../../src/db/organisation-store.js';
import { loadSummary } from '../../src/db/summary-store.js';
import { fiscalYearOf } from '../../src/domain/fiscal-year.js';
import { DEFAULT_LEVEL_THRESHOLDS } from '../../src/domain/summary.js';
import { OitAnswerModel } from '../../src/db/models/oit-item.js';
import { oitItemsOfYear } from '../../src/db/oit-store.js';
import { oitState } from '../../src/domain/oit.js';
import { DEMO_BUDGETS, DEMO_NEIGHBOURS, PERSONAS, seedDemo, startDemoLine } from '../../src/simulator/demo.js';
import { SAMPLE_PHOTOS, samplePhotoBytes } from '../../src/simulator/sample-photos.js';
import { connectTestDatabase } from '../support/harness.js';

let db: Awaited<ReturnType<typeof connectTestDatabase>>;
beforeAll(async () => {
  db = await connectTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

describe('the demo organisation', () => {
  // 26 November 2026 in Bangkok: fiscal year 2570.
  const now = new Date('2026-11-26T03:00:00Z');

  it('is the organisation of its plan, in the fiscal year of the clock, with seed 004\'s statuses', async () => {
    await seedDemo('demo-a', now);
    expect(await findOrganisation('demo-a')).toMatchObject({ name: 'เทศบาลตำบลโพธิ์ทอง', district: 'โพธิ์ทอง', province: 'อ่างทอง', fiscalYear: 2570 });
    const projects = await MeasureModel.find({ orgId: 'demo-a', family: 'anticorruption_project' }).sort({ number: 1 }).lean();
    expect(projects.every((p) => p.fiscalYear === 2570)).toBe(true);
    expect(projects.filter((p) => p.status === 'in_progress').map((p) => p.code)).toEqual(['EP-01', 'EP-02', 'EP-07', 'EP-10', 'EP-13']);
    expect(projects.filter((p) => p.status === 'completed')).toHaveLength(10);
    expect(Object.fromEntries(projects.filter((p) => p.budget > 0).map((p) => [p.code, p.budget]))).toEqual(DEMO_BUDGETS);

    const summary = await loadSummary('demo-a', now, DEFAULT_LEVEL_THRESHOLDS);
    expect(summary.fiscalYear).toBe(2570);
    expect(summary.overdue).toEqual([]);
    expect(summary.byFamily.find((f) => f.family === 'anticorruption_project')!.tally.implementationPercent).toBe(83.33);
    expect(summary.overall.budget).toBeGreaterThan(0);
  });

  it('follows the clock, not a constant: a later year gets the plan moved again, and a restart keeps what was done', async () => {
    const later = new Date('2028-01-15T03:00:00Z');
    expect(fiscalYearOf(later)).toBe(2571);
    await seedDemo('demo-b', later);
    expect(await MeasureModel.countDocuments({ orgId: 'demo-b', fiscalYear: 2571 })).toBe(55);
    expect((await MeasureModel.findOne({ orgId: 'demo-b', code: 'ITA-01' }).lean())!.periodText).toBe('ต.ค. 70 - ก.ย. 71');

    await MeasureModel.updateOne({ orgId: 'demo-b', code: 'EP-02' }, { $set: { budget: 1 } });
    await seedDemo('demo-b', later);
    expect(await MeasureModel.countDocuments({ orgId: 'demo-b' })).toBe(55);
    expect((await MeasureModel.findOne({ orgId: 'demo-b', code: 'EP-02' }).lean())!.budget).toBe(1);
  });

  it("gives the district supervisor persona its district's other organisations, as varied as real ones", async () => {
    await seedDemo('demo-c', now);
    const persona = PERSONAS.find((p) => p.id === 'supervisor')!;
    const scope = supervisedScope(await findStaff('demo-c', persona.userId));
    expect(scope).toEqual({ level: 'district', province: 'อ่างทอง', district: 'โพธิ์ทอง' });

    const rollup = await loadRollup(scope!, now, DEFAULT_LEVEL_THRESHOLDS);
    const names = DEMO_NEIGHBOURS.map((n) => n.name);
    // The organisation the supervisor is registered with counts as the supervising office: it is left out.
    expect(rollup.rows.map((r) => r.name).sort()).toEqual([...names].sort());
    const row = (name: string) => rollup.rows.find((r) => r.name === name)!;
    expect(row('องค์การบริหารส่วนตำบลบางเจ้าฉ่า')).toMatchObject({ reported: true });
    expect(row('องค์การบริหารส่วนตำบลบางเจ้าฉ่า').tally.implementationPercent).toBeGreaterThan(0);
    expect(row('องค์การบริหารส่วนตำบลอินทประมูล')).toMatchObject({ reported: false });
    expect(row('องค์การบริหารส่วนตำบลอินทประมูล').tally.total).toBeGreaterThan(0);
    expect(row('องค์การบริหารส่วนตำบลยางช้าย')).toMatchObject({ reported: false });
    expect(row('องค์การบริหารส่วนตำบลยางช้าย').tally.total).toBe(0);

    // The group persona is a chat, not a person: no staff record of its own.
    const group = PERSONAS.find((p) => p.groupId)!;
    expect(await findStaff('demo-c', group.groupId!)).toBeNull();
    // A second start adds nothing.
    await seedDemo('demo-c', now);
    expect(await MeasureModel.countDocuments({ orgId: 'demo-bang-chao-cha', fiscalYear: 2570 })).toBe(55);
  });
});

/** A JPEG's width and height, from its start-of-frame segment; null when the bytes are no JPEG. */
function jpegSize(data: Buffer): { width: number; height: number } | null {
  if (data[0] !== 0xff || data[1] !== 0xd8 || data[2] !== 0xff) return null;
  let at = 2;
  while (at + 9 < data.length) {
    if (data[at] !== 0xff) return null;
    const marker = data[at + 1]!;
    const length = data.readUInt16BE(at + 2);
    // SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) return { height: data.readUInt16BE(at + 5), width: data.readUInt16BE(at + 7) };
    at += 2 + length;
  }
  return null;
}

describe("the demo's OIT list and its reviewer", () => {
  const now = new Date('2026-11-26T03:00:00Z');

  it('has the sample OIT list in the fiscal year of the clock, some items passed, waiting, sent back, most not answered', async () => {
    await seedDemo('demo-oit', now);
    const items = await oitItemsOfYear('demo-oit', 2570);
    expect(items).toHaveLength(35);
    const byState = (state: string) => items.filter((i) => oitState(i) === state).map((i) => i.code);
    expect(byState('approved')).toEqual(['O1', 'O2']);
    expect(byState('waiting')).toEqual(['O3', 'O6']);
    expect(byState('returned')).toEqual(['O4']);
    expect(byState('unanswered')).toHaveLength(30);
    // The wording moved with the year: O5 asks for this year's news, not 2567's.
    expect(items.find((i) => i.code === 'O5')!.description).toContain('ปี พ.ศ. 2570');
    const reviewer = PERSONAS.find((p) => p.id === 'reviewer')!;
    expect(items.find((i) => i.code === 'O4')!.review).toMatchObject({ reviewedBy: reviewer.userId, decision: 'returned' });
    expect(items.find((i) => i.code === 'O4')!.review!.note).toBeTruthy();

    // A restart keeps what was answered since and adds no answer twice.
    await seedDemo('demo-oit', now);
    expect(await OitAnswerModel.countDocuments({ orgId: 'demo-oit' })).toBe(5);
    expect(await oitItemsOfYear('demo-oit', 2570)).toHaveLength(35);
  });

  it('has a reviewer persona, registered with the reviewer role only', async () => {
    await seedDemo('demo-rev', now);
    const persona = PERSONAS.find((p) => p.id === 'reviewer')!;
    expect(persona.roles).toEqual(['reviewer']);
    expect(await findStaff('demo-rev', persona.userId)).toMatchObject({ displayName: persona.name, roles: ['reviewer'] });
  });

  it('gives its staff full names and positions that sign the reports and the OIT reviews, also to a demo seeded before them', async () => {
    const executive = PERSONAS.find((p) => p.id === 'executive')!;
    const officer = PERSONAS.find((p) => p.id === 'officer')!;
    // An executive registered by an older demo, without a name; the officer has since given their own.
    await linkStaffOnce('demo-names', { lineUserId: executive.userId, displayName: executive.name, roles: executive.roles, unit: null, inviteCode: 'DEMO' }, now);
    await linkStaffOnce('demo-names', { lineUserId: officer.userId, displayName: officer.name, roles: officer.roles, unit: officer.unit, inviteCode: 'DEMO' }, now);
    await setStaffProfile('demo-names', officer.userId, { fullName: 'นางสาวสมศรี ใจดีมาก' });
    await seedDemo('demo-names', now);
    expect(signatureOf((await findStaff('demo-names', executive.userId))!)).toEqual({ name: 'นายประเสริฐ มั่นคงดี', position: 'นายกเทศมนตรีตำบลโพธิ์ทอง' });
    expect(signatureOf((await findStaff('demo-names', officer.userId))!)).toEqual({ name: 'นางสาวสมศรี ใจดีมาก', position: 'นักวิเคราะห์นโยบายและแผนชำนาญการ' });
    for (const p of PERSONAS.filter((x) => x.roles.length > 0)) {
      const staff = (await findStaff('demo-names', p.userId))!;
      expect(staff.fullName, p.id).toBeTruthy();
      expect(staff.officialPosition, p.id).toBeTruthy();
    }
    const o4 = (await oitItemsOfYear('demo-names', 2570)).find((i) => i.code === 'O4')!;
    expect(o4.review!.reviewerName).toBe('นางปราณี ทองคำ');
    expect(o4.answer!.answeredByName).toBe('นางสาวสมศรี ใจดี');
  });
});

describe("the demo's evidence photos", () => {
  it('are small real JPEG pictures, which the demo LINE serves as a photo message\'s content', async () => {
    expect(SAMPLE_PHOTOS.length).toBeGreaterThanOrEqual(3);
    const { fakeLine } = await startDemoLine({ LOCAL_DATA_DIR: mkdtempSync(join(tmpdir(), 'prongsai-demo-seed-')) });
    try {
      for (const [i, photo] of SAMPLE_PHOTOS.entries()) {
        const data = samplePhotoBytes(photo);
        expect(jpegSize(data)).toEqual({ width: 480, height: 360 });
        expect(data.length).toBeGreaterThan(2_000);
        expect(data.length).toBeLessThan(30_000);
        // The picture ends where a JPEG ends: nothing truncated.
        expect(data.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));

        const messageId = String(900 + i);
        fakeLine.contents.set(messageId, { contentType: 'image/jpeg', data });
        const res = await fetch(`${fakeLine.url}/v2/bot/message/${messageId}/content`, { headers: { authorization: `Bearer ${fakeLine.accessToken}` } });
        expect(res.headers.get('content-type')).toMatch(/^image\/jpeg/);
        expect(Buffer.from(await res.arrayBuffer()).equals(data)).toBe(true);
      }
    } finally {
      await fakeLine.stop();
    }
  });
});
