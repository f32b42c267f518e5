import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { subDays } from 'date-fns';
import { countOitItems, oitItemsOfYear, reviewOitItem, saveOitAnswer } from '../db/oit-store.js';
import { fiscalYearOf } from '../domain/fiscal-year.js';
import type { NewOitAnswer } from '../domain/oit.js';
import { importOitItems } from '../oit-import/import-oit.js';

/**
 * The demo organisation's OIT list: the sample list (examples/oit-2567.csv) moved into the fiscal year of the
 * clock, with a few items answered by the officer persona, some of them checked by the reviewer persona, so
 * that "OIT" and "รอตรวจ" show every state: passed, waiting for review, sent back, not answered.
 */

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface DemoOitPeople {
  officer: { lineUserId: string; displayName: string };
  reviewer: { lineUserId: string; displayName: string };
}

/** The sample's addresses are under the reserved `.example` domain: the link check finds no real site behind them. */
const site = 'https://www.photong.example';

interface SeededAnswer {
  code: string;
  answer: NewOitAnswer;
  /** How many days before the seed's moment the officer answered. */
  daysAgo: number;
  review?: { decision: 'approved' | 'returned'; note: string | null };
}

export const DEMO_OIT_ANSWERS: SeededAnswer[] = [
  {
    code: 'O1',
    answer: { available: true, url: `${site}/structure`, explanation: 'แผนผังโครงสร้างส่วนราชการ ปรับปรุงล่าสุดเดือนตุลาคม', attachments: [] },
    daysAgo: 20,
    review: { decision: 'approved', note: null },
  },
  {
    code: 'O2',
    answer: { available: true, url: `${site}/executives`, explanation: 'รายชื่อ รูปถ่าย และช่องทางติดต่อผู้บริหารทุกตำแหน่ง', attachments: [] },
    daysAgo: 18,
    review: { decision: 'approved', note: null },
  },
  {
    code: 'O3',
    answer: { available: true, url: `${site}/authority`, explanation: 'หน้าที่และอำนาจตามพระราชบัญญัติเทศบาล', attachments: [] },
    daysAgo: 3,
  },
  {
    code: 'O4',
    answer: { available: true, url: `${site}/contact`, explanation: 'ที่อยู่ โทรศัพท์ และอีเมลของสำนักงาน', attachments: [] },
    daysAgo: 10,
    review: { decision: 'returned', note: 'ยังไม่มีแผนที่ตั้งสำนักงาน กรุณาเพิ่มแผนที่ในหน้านี้แล้วตอบใหม่' },
  },
  {
    code: 'O6',
    answer: { available: true, url: `${site}/qa`, explanation: 'กระดานถาม-ตอบบนเว็บไซต์ และบัญชี LINE ทางการของเทศบาล', attachments: [] },
    daysAgo: 1,
  },
];

/**
 * Imports the sample OIT list into the fiscal year of `now` and seeds its answers, once per fiscal year:
 * later starts keep what the demo user answered and reviewed.
 */
export async function seedDemoOit(orgId: string, people: DemoOitPeople, now: Date): Promise<void> {
  const fiscalYear = fiscalYearOf(now);
  if ((await countOitItems(orgId, fiscalYear, ['O1'])) > 0) return;
  const imported = await importOitItems(orgId, resolve(projectRoot, 'examples/oit-2567.csv'), { toFiscalYear: fiscalYear });
  if (!imported.ok) throw new Error(`the sample OIT list does not import: ${JSON.stringify(imported.problems)}`);
  const byCode = new Map((await oitItemsOfYear(orgId, fiscalYear)).map((i) => [i.code, i]));
  for (const seeded of DEMO_OIT_ANSWERS) {
    const item = byCode.get(seeded.code);
    if (!item) continue;
    const answeredAt = subDays(now, seeded.daysAgo);
    const { item: answered } = await saveOitAnswer(orgId, { itemId: item.id, answer: seeded.answer, by: people.officer, at: answeredAt, eventId: `demo-seed:${orgId}:${fiscalYear}:${seeded.code}` });
    if (!seeded.review || !answered.answer) continue;
    await reviewOitItem(orgId, item.id, {
      version: answered.answer.version,
      decision: seeded.review.decision,
      note: seeded.review.note,
      reviewedBy: people.reviewer.lineUserId,
      reviewerName: people.reviewer.displayName,
      reviewedAt: subDays(now, Math.max(0, seeded.daysAgo - 1)),
    });
  }
}
