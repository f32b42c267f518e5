import { Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { documentPages } from '../../src/reports/docx-pages.js';
import { buildItaDocx } from '../../src/reports/ita-docx.js';
import { lineHeight } from '../../src/reports/text-measure.js';

const A4 = { width: 11906, height: 16838 };
const MARGIN = 1134;

/** A short portrait section, then a landscape one: a heading and a table of `rows` one-line rows that may not split. */
async function turningDocument(rows: number): Promise<string> {
  const table = new Table({
    width: { size: 14000, type: WidthType.DXA },
    columnWidths: [14000],
    rows: Array.from({ length: rows }, (_, i) => new TableRow({ cantSplit: true, children: [new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: `แถว ${i + 1}`, size: 28 })] })] })] })),
  });
  const page = (orientation: (typeof PageOrientation)[keyof typeof PageOrientation]) => ({ page: { size: { ...A4, orientation }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } });
  const doc = new Document({
    sections: [
      { properties: page(PageOrientation.PORTRAIT), children: ['ความนำ', 'ความนำ'].map((text) => new Paragraph({ children: [new TextRun({ text, size: 32 })] })) },
      { properties: page(PageOrientation.LANDSCAPE), children: [new Paragraph({ children: [new TextRun({ text: 'ตาราง', size: 32 })] }), table] },
    ],
  });
  return (await JSZip.loadAsync(await Packer.toBuffer(doc))).file('word/document.xml')!.async('string');
}

describe('the pages a DOCX fills, computed from its own XML', () => {
  it('starts a section on a page of its own and lays it out on that section\'s pages (seed 004\'s landscape table after portrait prose)', async () => {
    const rows = 40;
    const perLandscapePage = Math.floor((A4.width - 2 * MARGIN) / 20 / lineHeight({ size: 14 }));
    expect(perLandscapePage).toBeLessThan(20);
    // LibreOffice 7.4 prints this document on 4 pages: the prose alone, then the table on 3 landscape pages.
    // Counted as one flow on portrait pages it took 2.
    expect(documentPages(await turningDocument(rows), 12, 0)).toBe(4);
  });
});

describe('languages of every DOCX', () => {
  it('marks Latin text English and Thai as the complex script, so no English word is broken anywhere', async () => {
    const report = await buildItaDocx({
      organisation: { name: 'เทศบาลตำบลโพธิ์ทอง', district: 'โพธิ์ทอง', province: 'อ่างทอง', fiscalYear: 2568, itaScore: null, itaLevel: null },
      generatedAt: new Date('2025-10-01T03:00:00Z'),
      thaiDigits: true,
      rows: [{ number: 1, code: 'ITA-01', title: 'ประชาสัมพันธ์ผ่าน Facebook', methodSteps: [], period: '', responsible: '', summary: '', outcome: '' }],
    });
    const styles = await (await JSZip.loadAsync(report)).file('word/styles.xml')!.async('string');
    const lang = /<w:rPrDefault>[\s\S]*?<w:lang ([^>]*)\/>/.exec(styles)?.[1] ?? '';
    expect(lang).toContain('w:val="en-US"');
    expect(lang).toContain('w:bidi="th-TH"');
  });
});
