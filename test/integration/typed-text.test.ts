import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setOrganisationSettings } from '../../src/db/organisation-store.js';
import { fiscalYearOf } from '../../src/domain/fiscal-year.js';
import { thaiDigits } from '../../src/domain/thai.js';
import { DEFAULT_LEVEL_THRESHOLDS } from '../../src/domain/summary.js';
import { produceReport } from '../../src/reports/catalogue.js';
import { JOBS, organisationsAt } from '../../src/jobs/registry.js';
import { Chat, postbackOf } from '../support/chat.js';
import { addStaff } from '../support/fixtures.js';
import { startHarness, type Harness } from '../support/harness.js';
import JSZip from 'jszip';

/**
 * What people type reaches everyone as they typed it; the codes they type back are plain ASCII; the bot's
 * own figures follow the organisation's digit style. All through signed webhooks against the real database.
 */
const ORG = 'test-org';
const HANDLER = 'U-complaint-officer';
const FY = fiscalYearOf(new Date());
const STORY = 'ไฟถนนหน้าบ้านเลขที่ 12/3 ดับตั้งแต่ 20 พ.ย. 69 ช่วงเวลา 18:00-06:00';
const CONTACT_NAME = 'สมชาย  ใจดี';
const PHONE = '081-234-5678';
const THAI_DIGIT = /[๐-๙]/;

let h: Harness;
const pushesTo = (userId: string) => h.line.deliveriesTo(userId).flatMap((r) => r.body.messages);

/** Every `uri` a message's buttons carry. */
function uris(messages: unknown[]): string[] {
  const found: string[] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: unknown; uri?: unknown };
    if (n.type === 'uri' && typeof n.uri === 'string') found.push(n.uri);
    Object.values(node).forEach(walk);
  };
  messages.forEach(walk);
  return found;
}

async function fileWithContact(chat: Chat): Promise<{ confirm: any[]; receipt: any[] }> {
  await chat.say('ร้องเรียน');
  await chat.tap('a=cm.kind&k=general');
  await chat.say(STORY);
  await chat.say('ข้าม');
  await chat.say(`${CONTACT_NAME} ${PHONE}`);
  const confirm = await chat.say('รับแจ้ง');
  const receipt = await chat.tap(postbackOf(confirm, 'ยืนยันส่งเรื่อง'));
  return { confirm, receipt };
}

beforeAll(async () => {
  h = await startHarness();
  await addStaff(ORG, HANDLER, ['complaint_officer'], 'สำนักปลัด', 'เจ้าหน้าที่รับเรื่อง');
  await addStaff(ORG, 'U-executive', ['executive'], null, 'ปลัด');
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => h.line.reset());

describe('what a citizen typed', () => {
  it('reaches the complaint handler exactly as typed, with a button that calls the number', async () => {
    const { confirm, receipt } = await fileWithContact(new Chat(h, 'Ua0000000000000000000000000000001'));
    expect(JSON.stringify(confirm)).toContain(`ผู้ติดต่อ: ${CONTACT_NAME} ${PHONE}`);
    await h.server.outbox.flush();
    const toHandler = pushesTo(HANDLER);
    const shown = JSON.stringify(toHandler);
    expect(shown).toContain(STORY);
    expect(shown).toContain(`${CONTACT_NAME} · ${PHONE}`);
    expect(uris(toHandler)).toContain('tel:0812345678');

    // The tracking number on the receipt is plain ASCII, and so is everything else the bot said by default.
    expect(JSON.stringify(receipt)).toContain(`G${FY}-0001`);
    expect(JSON.stringify([...confirm, ...receipt, ...toHandler])).not.toMatch(THAI_DIGIT);
  });

  it('the handler\'s list of open cases shows the same words and the same call button', async () => {
    const cases = await new Chat(h, HANDLER).say('เรื่องร้องเรียน');
    expect(JSON.stringify(cases)).toContain(STORY);
    expect(uris(cases)).toContain('tel:0812345678');
  });

  it('typing the tracking number back in Thai digits, lower case and without a space finds the case', async () => {
    const citizen = new Chat(h, 'Ua0000000000000000000000000000001');
    for (const typed of [`ติดตาม g${thaiDigits(FY)}-๐๐๐๑`, `ติดตามg${FY}-1`, `ติดตาม G ${thaiDigits(FY)} - ๑`]) {
      const answer = JSON.stringify(await citizen.say(typed));
      expect(answer, typed).toContain(`เรื่องเลขที่ G${FY}-0001`);
      expect(answer, typed).toContain('สถานะ: รับเรื่องแล้ว');
    }
  });
});

describe('an organisation that chose Thai digits', () => {
  beforeAll(async () => {
    await setOrganisationSettings(ORG, { digits: 'thai' });
    // Running instances read the settings every 30 s; the test does not wait for that.
    await h.server.tenants.refresh();
  });
  afterAll(async () => {
    await setOrganisationSettings(ORG, { digits: null });
    await h.server.tenants.refresh();
  });

  it("gets Thai digits in the bot's own figures, while the typed words, the phone and the tracking number stay as they are", async () => {
    const { confirm, receipt } = await fileWithContact(new Chat(h, 'Ub0000000000000000000000000000002'));
    expect(JSON.stringify(confirm)).toContain(`ผู้ติดต่อ: ${CONTACT_NAME} ${PHONE}`);
    const shownReceipt = JSON.stringify(receipt);
    expect(shownReceipt).toContain(`G${FY}-0002`);
    expect(shownReceipt).toContain('(๑๕ วัน)');
    expect(receipt[0].altText).toMatch(new RegExp(`^ได้รับเรื่องแล้ว เลขที่ G${FY}-0002 กำหนดตอบภายใน [๐-๙]+ [ก-๙.]+ [๐-๙]{4}$`));

    await h.server.outbox.flush();
    const toHandler = pushesTo(HANDLER);
    const card = JSON.stringify(toHandler);
    expect(card).toContain(STORY);
    expect(card).not.toContain('๒๐ พ.ย. ๖๙');
    expect(card).toContain(`${CONTACT_NAME} · ${PHONE}`);
    expect(card).toMatch(/รับเรื่อง [๐-๙]+ [ก-๙.]+ [๐-๙]{4} · ครบกำหนด/);
    expect(uris(toHandler)).toContain('tel:0812345678');
  });

  it("its scheduled messages carry the organisation's style: the monthly summary in Thai digits", async () => {
    const [deps] = await organisationsAt(h.server.jobDeps, [ORG]);
    const asOf = new Date('2026-12-01T01:30:00Z');
    const { outgoing } = await JOBS['monthly-summary'].produce({ id: `${ORG}:monthly-summary:2026-12`, asOf }, deps!.settings);
    const summary = JSON.stringify(outgoing[0]!.messages);
    expect(summary).toContain('ประจำเดือน ธ.ค. ๒๕๖๙');
    expect(summary).toContain('ร้อยละ ๐.๐๐');
    // Only what is no figure keeps Arabic digits: the flex's own sizes and colours, the public page's address.
    expect((outgoing[0]!.messages[0] as { altText: string }).altText).not.toMatch(/[0-9]/);
  });

  it('its official documents print the seeds\' Thai digits, and Arabic ones once it chooses them', async () => {
    const paragraphs = async () => {
      const file = await produceReport(ORG, { kind: 'ita-docx', thresholds: DEFAULT_LEVEL_THRESHOLDS, digits: h.server.tenants.settingsOf(ORG).digits });
      return (await (await JSZip.loadAsync(file.body)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    };
    expect(await paragraphs()).toMatch(/ประจำปีงบประมาณ พ\.ศ\. [๐-๙]{4}/);
    await setOrganisationSettings(ORG, { digits: 'arabic' });
    await h.server.tenants.refresh();
    expect(await paragraphs()).toMatch(/ประจำปีงบประมาณ พ\.ศ\. \d{4}/);
    await setOrganisationSettings(ORG, { digits: 'thai' });
    await h.server.tenants.refresh();
  });
});
