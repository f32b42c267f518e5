import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttachmentFileModel } from '../../src/db/models/attachment-file.js';
import { MeasureModel } from '../../src/db/models/measure.js';
import { importPlan } from '../../src/plan-import/import-plan.js';
import { createLinkSigner } from '../../src/security/signed-link.js';
import { Chat, postbackOf, visibleText } from '../support/chat.js';
import { addStaff } from '../support/fixtures.js';
import { startHarness, TEST_DATA_KEY, testSealer, type Harness } from '../support/harness.js';
import { locationEvent } from '../support/line-events.js';

const ORG = 'test-org';
const PUBLIC = 'https://prongsai.example.go.th';
const OFFICER = 'U-officer-reporter';
const OTHER_OFFICER = 'U-officer-other';
const EXECUTIVE = 'U-executive';
const COMPLAINT_OFFICER = 'U-complaint-officer';
const INTEGRITY_OFFICER = 'U-integrity-officer';
const CITIZEN = 'Uc0000000000000000000000000000001';
const WHISTLEBLOWER = 'Uc0000000000000000000000000000002';

let h: Harness;
const logs: string[] = [];
const chat = (userId: string) => new Chat(h, userId);
/** LINE fetches the public HTTPS address; the test reaches the same path on the app itself. */
const local = (url: string) => `${h.server.url}${new URL(url).pathname}`;
const imagesIn = (messages: any[]) => messages.filter((m) => m.type === 'image');
const tokenOf = (url: string) => url.split('/evidence/')[1]!;

function planCsv(): string {
  const rows = ['รหัส,ประเภท,ลำดับ,มาตรการ/โครงการ,มิติ,หน่วยงานรับผิดชอบ,ระยะเวลา,ปีงบประมาณ,งบประมาณ', 'ITA-A,ita_measure,1,มาตรการเผยแพร่ข้อมูลต่อสาธารณะ,,กองคลัง,ตลอดปีงบประมาณ,2569,'];
  const file = join(mkdtempSync(join(tmpdir(), 'plan-')), 'plan.csv');
  writeFileSync(file, `\uFEFF${rows.join('\n')}\n`);
  return file;
}

/** An officer reports on ITA-A with one photo; returns the saved card and the photo's message id. */
async function reportWithPhoto(): Promise<{ saved: any[]; photoId: string }> {
  const officer = chat(OFFICER);
  const measure = (await MeasureModel.findOne({ orgId: ORG, code: 'ITA-A' }).lean())!;
  await officer.tap(`a=rp.pick&m=${measure._id}`);
  await officer.tap('a=rp.status&s=in_progress');
  expect(visibleText(await officer.sendImage())).toContain('แนบหลักฐานแล้ว 1 รายการ');
  const photoId = (officer.lastEvent as any).message.id;
  let answer = await officer.say('เผยแพร่ข้อมูลบนเว็บไซต์ครบทุกหัวข้อแล้ว');
  // Whatever optional questions the dialog asks after the summary are skipped.
  for (let i = 0; i < 5 && !visibleText(answer).includes('ตรวจสอบก่อนบันทึก'); i++) answer = await officer.say('ข้าม');
  const saved = await officer.tap(postbackOf(answer, 'ยืนยันบันทึก'));
  expect(visibleText(saved)).toContain('บันทึกความก้าวหน้าแล้ว');
  return { saved, photoId };
}

beforeAll(async () => {
  const stream = new PassThrough();
  stream.on('data', (chunk) => logs.push(String(chunk)));
  h = await startHarness({ env: { PUBLIC_BASE_URL: PUBLIC, EVIDENCE_LINK_MINUTES: '20' }, logTo: stream });
  expect(await importPlan(ORG, planCsv())).toMatchObject({ ok: true });
  await addStaff(ORG, OFFICER, ['officer'], 'กองคลัง', 'สมศรี ใจดี');
  await addStaff(ORG, OTHER_OFFICER, ['officer'], 'กองคลัง', 'สมปอง');
  await addStaff(ORG, EXECUTIVE, ['executive'], null, 'ปลัด');
  await addStaff(ORG, COMPLAINT_OFFICER, ['complaint_officer'], 'สำนักปลัด', 'เจ้าหน้าที่รับเรื่อง');
  await addStaff(ORG, INTEGRITY_OFFICER, ['integrity_officer'], 'สำนักปลัด', 'นิติกร');
});
afterAll(async () => {
  await h?.close();
});

describe('the evidence of a progress report', () => {
  let tap: string;
  let photoId: string;
  let executiveUrl: string;

  it('opens for an executive as an image message whose signed HTTPS link serves the photo', async () => {
    const report = await reportWithPhoto();
    photoId = report.photoId;
    tap = postbackOf(report.saved, 'ดูหลักฐาน');

    const answer = await chat(EXECUTIVE).tap(tap);
    const [image] = imagesIn(answer);
    expect(image.originalContentUrl).toMatch(/^https:\/\/prongsai\.example\.go\.th\/evidence\//);
    expect(image.previewImageUrl).toBe(image.originalContentUrl);
    expect(visibleText(answer)).toContain('20 นาที');
    executiveUrl = image.originalContentUrl;

    const res = await fetch(local(executiveUrl));
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).toString()).toBe(`content of ${photoId}`);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('content-disposition')).toMatch(/^inline; filename="evidence-\d+\.jpg"/);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('logs each opening by the viewer pseudonym the link names, never a LINE id', () => {
    const opened = logs.filter((l) => l.includes('evidence opened'));
    expect(opened.length).toBeGreaterThan(0);
    expect(opened.join('\n')).toContain(testSealer.userKey(EXECUTIVE));
    expect(logs.join('\n')).not.toContain(EXECUTIVE);
  });

  it('opens for its reporter and the integrity officer, not for another officer or a citizen', async () => {
    expect(imagesIn(await chat(OFFICER).tap(tap))).toHaveLength(1);
    expect(imagesIn(await chat(INTEGRITY_OFFICER).tap(tap))).toHaveLength(1);
    for (const stranger of [OTHER_OFFICER, CITIZEN, COMPLAINT_OFFICER]) {
      const answer = await chat(stranger).tap(tap);
      expect(imagesIn(answer), stranger).toEqual([]);
      expect(visibleText(answer)).toContain('เปิดได้เฉพาะผู้รายงาน ผู้บริหาร');
      expect(JSON.stringify(answer)).not.toContain('/evidence/');
    }
  });

  it('answers 403 to a tampered, expired, re-pointed or report-download token', async () => {
    const token = tokenOf(executiveUrl);
    const [body, signature] = token.split('.') as [string, string];
    const altered = `${body}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    expect((await fetch(`${h.server.url}/evidence/${altered}`)).status).toBe(403);

    // The same signature on a payload naming another file.
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString());
    const otherFile = Buffer.from(JSON.stringify({ ...payload, f: '999999999999999999' })).toString('base64url');
    const repointed = await fetch(`${h.server.url}/evidence/${otherFile}.${signature}`);
    expect(repointed.status).toBe(403);
    expect(await repointed.text()).toContain('ลิงก์นี้หมดอายุหรือไม่ถูกต้อง');

    const signer = createLinkSigner(TEST_DATA_KEY, 'evidence-link');
    const expired = signer.sign({ o: ORG, f: photoId, v: 'uk_x', r: 'm:x' }, new Date(Date.now() - 1_000));
    expect((await fetch(`${h.server.url}/evidence/${expired}`)).status).toBe(403);
    // A report-download token is signed with another key: it opens nothing here, whatever it says.
    const reportKey = createLinkSigner(TEST_DATA_KEY).sign({ o: ORG, f: photoId, v: 'uk_x', r: 'm:x' }, new Date(Date.now() + 60_000));
    expect((await fetch(`${h.server.url}/evidence/${reportKey}`)).status).toBe(403);
    const otherOrg = signer.sign({ o: 'other-org', f: photoId, v: 'uk_x', r: 'm:x' }, new Date(Date.now() + 60_000));
    expect((await fetch(`${h.server.url}/evidence/${otherOrg}`)).status).toBe(403);
    // The token is taken whole or not at all: no suffix, no extra segment, no stray padding.
    expect((await fetch(`${h.server.url}/evidence/${token}`)).status).toBe(200);
    for (const suffixed of [`${token}.x`, `${token}.${signature}`, `${token}x`, `${token}=`, `${token}%20`, `${body}=.${signature}`]) {
      expect((await fetch(`${h.server.url}/evidence/${suffixed}`)).status, suffixed).toBe(403);
    }
  });

  it('answers 410 in Thai for a file LINE no longer had, and 404 for one never recorded', async () => {
    await AttachmentFileModel.create({ _id: `${ORG}:111`, orgId: ORG, lineMessageId: '111', kind: 'image', uploadedBy: 'uk_x', createdAt: new Date() });
    const signer = createLinkSigner(TEST_DATA_KEY, 'evidence-link');
    const soon = new Date(Date.now() + 60_000);
    const gone = await fetch(`${h.server.url}/evidence/${signer.sign({ o: ORG, f: '111', v: 'uk_x', r: 'm:x' }, soon)}`);
    expect(gone.status).toBe(410);
    expect(await gone.text()).toContain('LINE ลบไฟล์ไปก่อน');
    expect((await fetch(`${h.server.url}/evidence/${signer.sign({ o: ORG, f: '222', v: 'uk_x', r: 'm:x' }, soon)}`)).status).toBe(404);
  });
});

describe('the evidence of a complaint', () => {
  it('gives the complaint officer the photo, the place and one tap to the notes and full timeline', async () => {
    const citizen = chat(CITIZEN);
    await citizen.say('ร้องเรียน');
    await citizen.tap('a=cm.kind&k=general');
    await citizen.sendImage();
    const photoId = (citizen.lastEvent as any).message.id;
    await citizen.say('ท่อระบายน้ำหน้าตลาดอุดตัน น้ำท่วมขังทุกครั้งที่ฝนตก');
    await citizen.send(locationEvent(CITIZEN));
    await citizen.say('ไม่ประสงค์ออกนาม');
    const confirm = await citizen.say('รับแจ้ง');
    await citizen.tap(postbackOf(confirm, 'ยืนยันส่งเรื่อง'));

    const handler = chat(COMPLAINT_OFFICER);
    const list = await handler.say('เรื่องร้องเรียน');
    await handler.tap(postbackOf(list, 'บันทึกภายใน'));
    await handler.say('ประสานกองช่างให้ลงพื้นที่แล้ว');
    const tap = postbackOf(list, 'ดูหลักฐาน');
    const answer = await handler.tap(tap);
    expect(answer.map((m) => m.type)).toEqual(['image', 'location', 'text']);
    expect(answer[1]).toMatchObject({ title: 'ศาลาประชาคมหมู่ 3', latitude: 14.6419, longitude: 100.4126 });
    const res = await fetch(local(answer[0].originalContentUrl));
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).toString()).toBe(`content of ${photoId}`);

    const timeline = visibleText(await handler.tap(postbackOf(answer, 'ดูบันทึกทั้งหมด')));
    expect(timeline).toContain('ประสานกองช่างให้ลงพื้นที่แล้ว');
    expect(timeline).toContain('บันทึกภายใน · ภายใน');

    // The other channel's officer, an executive and the complainant get nothing.
    for (const other of [INTEGRITY_OFFICER, EXECUTIVE, CITIZEN]) {
      for (const data of [tap, postbackOf(answer, 'ดูบันทึกทั้งหมด')]) {
        const refused = await chat(other).tap(data);
        expect(refused.map((m) => m.type), other).toEqual(['text']);
        expect(JSON.stringify(refused)).not.toContain('/evidence/');
        expect(visibleText(refused)).not.toContain('ประสานกองช่าง');
      }
    }
  });

  it('gives a corruption report photo to integrity officers only', async () => {
    const reporter = chat(WHISTLEBLOWER);
    await reporter.say('complaint');
    await reporter.tap('a=cm.kind&k=corruption');
    await reporter.say('นาย ข. เจ้าหน้าที่พัสดุ');
    await reporter.say('เดือนที่แล้ว');
    await reporter.sendImage();
    await reporter.say('เรียกรับเงินจากผู้รับเหมา');
    await reporter.say('ข้าม');
    const confirm = await reporter.say('รับแจ้ง');
    await reporter.tap(postbackOf(confirm, 'ยืนยันส่งเรื่อง'));

    const list = await chat(INTEGRITY_OFFICER).say('เรื่องร้องเรียน');
    const tap = postbackOf(list, 'ดูหลักฐาน');
    const answer = await chat(INTEGRITY_OFFICER).tap(tap);
    expect(imagesIn(answer)).toHaveLength(1);
    expect((await fetch(local(imagesIn(answer)[0].originalContentUrl))).status).toBe(200);

    const refused = await chat(COMPLAINT_OFFICER).tap(tap);
    expect(visibleText(refused)).toContain('ไม่พบเรื่องนี้ในเรื่องที่ท่านรับผิดชอบ');
    expect(imagesIn(refused)).toEqual([]);
  });
});
