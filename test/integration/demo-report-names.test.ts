import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCarriedOverText } from '../../src/domain/carried-over-text.js';
import { DEFAULT_LEVEL_THRESHOLDS } from '../../src/domain/summary.js';
import { isScopeReport, produceReport, REPORT_KINDS } from '../../src/reports/catalogue.js';
import { DEMO_ORGANISATION, seedDemo } from '../../src/simulator/demo.js';
import { connectTestDatabase } from '../support/harness.js';

let db: Awaited<ReturnType<typeof connectTestDatabase>>;
beforeAll(async () => {
  db = await connectTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

/** The words of a download as a reader sees them: a CSV as it is, a DOCX or XLSX by the text of its parts. */
async function wordsOf(fileName: string, body: Buffer): Promise<string> {
  if (fileName.endsWith('.csv')) return body.toString('utf8');
  const zip = await JSZip.loadAsync(body);
  const parts = await Promise.all(Object.values(zip.files).filter((f) => f.name.endsWith('.xml')).map((f) => f.async('string')));
  return parts
    .map((xml) => xml.replace(/<\/(?:w:p|si|c|row)>/g, '\n').replace(/<[^>]+>/g, ''))
    .join('\n')
    .replace(/&amp;/g, '&');
}

describe("the demo organisation's reports", () => {
  // 26 November 2026 in Bangkok: fiscal year 2570.
  const now = new Date('2026-11-26T03:00:00Z');

  it('name no other organisation, district or province, and no fiscal year but their own (and, in the OIT reports, the year before)', async () => {
    await seedDemo('demo-names', now);
    for (const kind of REPORT_KINDS.filter((k) => !isScopeReport(k))) {
      const file = await produceReport('demo-names', { kind, thresholds: DEFAULT_LEVEL_THRESHOLDS, now });
      const words = await wordsOf(file.fileName, file.body);
      for (const carriedOver of ['เมืองไผ่', 'สระกระโจม', 'ชัยจุมพล', 'น้ำตก', 'ท่าศาลา', 'องค์การบริหารส่วนตำบล', 'อบต.']) {
        expect(words, `${kind}: ${carriedOver}`).not.toContain(carriedOver);
      }
      const found = findCarriedOverText(words, { organisation: DEMO_ORGANISATION, fiscalYear: 2570, alsoYears: kind.startsWith('oit-') ? [2569] : [] });
      expect(found.map((f) => f.message), kind).toEqual([]);
    }
  }, 120_000);
});
