import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateOrganisation } from '../../src/db/organisation-store.js';
import { parseScope } from '../../src/domain/rollup.js';
import { DEFAULT_LEVEL_THRESHOLDS } from '../../src/domain/summary.js';
import { importIndicators, importOitItems } from '../../src/oit-import/import-oit.js';
import { importPlan } from '../../src/plan-import/import-plan.js';
import { produceReport, REPORT_KINDS, type ReportKind } from '../../src/reports/catalogue.js';
import { textWidth, words } from '../../src/reports/text-measure.js';
import { report } from '../support/fixtures.js';
import { startHarness, type Harness } from '../support/harness.js';

/**
 * Every DOCX/XLSX report built from the sample data, read back from its file as LibreOffice or Word would read
 * it: no word of any cell may be wider than its column in the report font (a broken word, "ลำดั|บ", is the
 * first thing an official sees), and the page count the layout computed (`ComputedPages`) stays within a
 * bound. The bounds are loose on purpose: they catch a layout that wastes pages, not one more line of text.
 */

const ORG = 'layout-org';
let h: Harness;
const bkk = (local: string) => new Date(`${local}+07:00`);

const KINDS = REPORT_KINDS.filter((k) => !k.endsWith('csv'));
const YEAR: Partial<Record<ReportKind, number>> = { 'oit-xlsx': 2567, 'oit-docx': 2567, 'indicators-docx': 2566, 'indicators-xlsx': 2566 };
// Pages each report of the sample data may take at most (the sample: 62 plan items, 18 ITA measures, 35 OIT items).
const MAX_PAGES: Record<ReportKind, number> = {
  'ita-docx': 26,
  'ita-xlsx': 26,
  'eplan-6-xlsx': 6,
  'eplan-6-csv': 0,
  'eplan-12-xlsx': 6,
  'eplan-12-csv': 0,
  'plan-narrative-docx': 30,
  'complaints-xlsx': 6,
  'indicators-docx': 12,
  'indicators-xlsx': 12,
  'oit-xlsx': 10,
  'oit-docx': 12,
  'rollup-xlsx': 3,
};

interface Cell {
  where: string;
  text: string;
  /** Points available to the text. */
  width: number;
  size: number;
  bold: boolean;
}

/** Words of the cells wider than their column, as "where: word (word width > column width)". */
function brokenWords(cells: Cell[]): string[] {
  return cells.flatMap((c) =>
    words(c.text)
      .filter((w) => textWidth(w, { size: c.size, bold: c.bold }) > c.width + 0.5)
      .map((w) => `${c.where}: ${w} (${textWidth(w, { size: c.size, bold: c.bold }).toFixed(1)} > ${c.width.toFixed(1)} pt)`),
  );
}

const attr = (xml: string, tag: string, name = 'w:val'): string | undefined => new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1];
const decode = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The paragraphs of every table cell of a DOCX, each with the width its cell gives it (grid columns spanned, less margins and indent). */
async function docxCells(body: Buffer): Promise<Cell[]> {
  const zip = await JSZip.loadAsync(body);
  const document = await zip.file('word/document.xml')!.async('string');
  const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
  const defaultSize = Number(attr(/<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/.exec(styles)?.[0] ?? '', 'w:sz') ?? 24) / 2;
  const cells: Cell[] = [];
  [...document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].forEach((table, t) => {
    const grid = [...table[0].matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1]));
    const tableMargins = /<w:tblCellMar>[\s\S]*?<\/w:tblCellMar>/.exec(table[0])?.[0] ?? '';
    [...table[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].forEach((row, r) => {
      let column = 0;
      for (const tc of row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)) {
        const span = Number(attr(tc[0], 'w:gridSpan') ?? 1);
        const twips = grid.slice(column, column + span).reduce((a, b) => a + b, 0);
        const margins = /<w:tcMar>[\s\S]*?<\/w:tcMar>/.exec(tc[0])?.[0] ?? tableMargins;
        const side = (s: string) => Number(attr(margins, `w:${s}`, 'w:w') ?? (s === 'left' || s === 'start' ? 108 : 108));
        const inner = twips - side(/<w:start\b/.test(margins) ? 'start' : 'left') - side(/<w:end\b/.test(margins) ? 'end' : 'right');
        for (const p of tc[0].matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
          const runs = [...p[0].matchAll(/<w:r[ >][\s\S]*?<\/w:r>/g)].map((m) => m[0]);
          const text = decode(runs.flatMap((run) => [...run.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1])).join(''));
          if (!text.trim()) continue;
          const indent = Number(attr(p[0], 'w:ind', 'w:left') ?? attr(p[0], 'w:ind', 'w:start') ?? 0);
          cells.push({
            where: `table ${t + 1} row ${r + 1} column ${column + 1}`,
            text,
            width: (inner - indent) / 20,
            size: Math.max(...runs.map((run) => Number(attr(run, 'w:sz') ?? defaultSize * 2) / 2)),
            bold: runs.some((run) => /<w:b\/>|<w:b w:val="(true|1|on)"\/>/.test(run)),
          });
        }
        column += span;
      }
    });
  });
  return cells;
}

// Excel widths are in characters: widths of "0" in the workbook's default font (the first font of styles.xml);
// a cell keeps about 2 pt free on each side of its text.
const CELL_INSET = 4;
async function characterWidth(body: Buffer): Promise<number> {
  const styles = await (await JSZip.loadAsync(body)).file('xl/styles.xml')!.async('string');
  const font = /<fonts[^>]*><font>([\s\S]*?)<\/font>/.exec(styles)?.[1] ?? '';
  const name = /<name val="([^"]*)"/.exec(font)?.[1];
  const size = Number(/<sz val="([^"]*)"/.exec(font)?.[1] ?? 11);
  // Not the report font: Calibri's "0" is 7 px at 96 dpi.
  return name === 'TH Sarabun New' ? textWidth('0', { size }) : (7 * 72) / 96;
}

/** Every text cell of every sheet, with the width of its column or of the columns it is merged across. */
async function xlsxCells(body: Buffer): Promise<Cell[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const cells: Cell[] = [];
  const perCharacter = await characterWidth(body);
  const columnPoints = (width: number | undefined) => (width ?? 8.43) * perCharacter;
  for (const sheet of workbook.worksheets) {
    const merges = ((sheet.model as { merges?: string[] }).merges ?? []).map((range) => {
      const [from, to] = range.split(':').map((a) => sheet.getCell(a!));
      return { row: Number(from!.row), first: Number(from!.col), last: Number(to!.col) };
    });
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.isMerged && cell.master.address !== cell.address) return;
        const text = typeof cell.value === 'string' || (cell.value && typeof cell.value === 'object' && 'richText' in cell.value) ? cell.text : '';
        if (!text.trim()) return;
        const col = Number(cell.col);
        const merge = merges.find((m) => m.row === Number(cell.row) && m.first === Number(col));
        let width = 0;
        for (let c = col; c <= (merge?.last ?? col); c++) width += columnPoints(sheet.getColumn(c).width);
        cells.push({ where: `${sheet.name}!${cell.address}`, text, width: width - CELL_INSET, size: cell.font?.size ?? 11, bold: Boolean(cell.font?.bold) });
      }),
    );
  }
  return cells;
}

async function computedPages(body: Buffer): Promise<number | null> {
  const custom = await (await JSZip.loadAsync(body)).file('docProps/custom.xml')?.async('string');
  const m = custom && /name="ComputedPages"><vt:(?:lpwstr|i4)>(\d+)</.exec(custom);
  return m ? Number(m[1]) : null;
}

beforeAll(async () => {
  h = await startHarness();
  await updateOrganisation(ORG, { name: 'องค์การบริหารส่วนตำบลโพธิ์ทอง', district: 'โพธิ์ทอง', province: 'อ่างทอง' });
  expect(await importPlan(ORG, 'examples/plan-2568.csv')).toMatchObject({ ok: true });
  expect(await importOitItems(ORG, 'examples/oit-2567.csv')).toMatchObject({ ok: true });
  expect(await importIndicators(ORG, 'examples/ita-indicators-2566.csv')).toMatchObject({ ok: true });
  // Some progress reported in LINE on top of the results the sample carries.
  await report(ORG, 'ITA-01', 'completed', bkk('2025-09-20T10:00:00'));
  await report(ORG, 'EP-02', 'in_progress', bkk('2025-09-21T10:00:00'));
});
afterAll(async () => {
  await h?.close();
});

describe('report layouts sized from the text they hold', () => {
  it.each(KINDS)('%s: no word is wider than its column, and the computed page count stays within its bound', async (kind) => {
    const file = await produceReport(ORG, {
      kind,
      fiscalYear: YEAR[kind] ?? 2568,
      thresholds: DEFAULT_LEVEL_THRESHOLDS,
      reporter: { name: 'นายนครินทร์ วงศ์พงษ์', position: 'ปลัดองค์การบริหารส่วนตำบล' },
      scope: parseScope('province:อ่างทอง'),
      now: new Date('2025-10-15T10:00:00+07:00'),
    });
    const cells = file.fileName.endsWith('.docx') ? await docxCells(file.body) : await xlsxCells(file.body);
    expect(brokenWords(cells)).toEqual([]);
    const pages = await computedPages(file.body);
    expect(pages, 'the ComputedPages document property').not.toBeNull();
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(MAX_PAGES[kind]);
  });
});
