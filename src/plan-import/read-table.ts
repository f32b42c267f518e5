import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/** A plan file as rows of text cells keyed by header, with the row numbers a person sees in the file. */
export interface Table {
  headers: string[];
  rows: { rowNumber: number; cells: Record<string, string> }[];
}

export class UnreadableFile extends Error {}

/**
 * Where a table comes from: a path (the CLI), or a file's bytes and its name (a file sent in LINE). Both are
 * read the same way, by the name's extension, so every import has one code path whichever way it came.
 */
export type TableSource = string | { fileName: string; content: Buffer };

/** The name that says how the file is read (and that the management log names it by). */
export const sourceName = (source: TableSource): string => (typeof source === 'string' ? basename(source) : source.fileName);

export async function readTable(source: TableSource): Promise<Table> {
  const ext = extname(typeof source === 'string' ? source : source.fileName).toLowerCase();
  if (ext !== '.csv' && ext !== '.xlsx') throw new UnreadableFile(`รองรับเฉพาะไฟล์ .csv หรือ .xlsx (ได้รับ ${ext || 'ไฟล์ไม่มีนามสกุล'})`);
  const content = typeof source === 'string' ? await readFile(source) : source.content;
  return ext === '.csv' ? readCsv(content) : readXlsx(content);
}

export function readCsv(content: Buffer | string): Table {
  let records: string[][];
  try {
    records = parse(content, { bom: true, relax_column_count: true, skip_empty_lines: false, trim: false }) as string[][];
  } catch (error) {
    throw new UnreadableFile(`อ่านไฟล์ CSV ไม่ได้: ${(error as Error).message}`);
  }
  return toTable(records);
}

async function readXlsx(content: Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnreadableFile(`อ่านไฟล์ Excel ไม่ได้: ${(error as Error).message}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableFile('ไฟล์ Excel ไม่มีแผ่นงาน');
  const records: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) values.push(cellText(row.getCell(c)));
    records[rowNumber - 1] = values;
  });
  return toTable(Array.from(records, (r) => r ?? []));
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

function toTable(records: string[][]): Table {
  const [header, ...body] = records;
  if (!header) return { headers: [], rows: [] };
  const headers = header.map((h) => h.trim());
  const rows = body
    .map((cells, i) => ({ rowNumber: i + 2, cells: Object.fromEntries(headers.map((h, c) => [h, (cells[c] ?? '').trim()])) }))
    .filter((r) => Object.values(r.cells).some((v) => v !== ''));
  return { headers, rows };
}
