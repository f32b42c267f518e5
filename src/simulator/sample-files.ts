import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fiscalYearOf } from '../domain/fiscal-year.js';

/**
 * The files the admin persona can send from the simulator ("ส่งไฟล์"): the project's own examples, which the
 * demo's LINE serves as the content of the file message, as an organisation's admin would send its plan.
 */
export interface SampleFile {
  id: string;
  /** In examples/, and the name LINE gives the file message. */
  fileName: string;
  /** What the file is, as the page labels it. */
  caption: string;
}

export const SAMPLE_FILES: readonly SampleFile[] = [
  { id: 'plan', fileName: 'plan-2568.csv', caption: 'แผนปฏิบัติการป้องกันการทุจริต ปี 2568' },
  { id: 'oit', fileName: 'oit-2567.csv', caption: 'รายการข้อมูลเปิดเผยต่อสาธารณะ (OIT)' },
  { id: 'indicators', fileName: 'ita-indicators-2566.csv', caption: 'ตารางคะแนนตัวชี้วัด ITA' },
];

const examplesDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../examples');

/** The fiscal year the sample plan is written for; the demo moves it into the current one. */
const SAMPLE_PLAN_YEAR = 2568;
const THAI_MONTH = '(?:ม\\.ค\\.|ก\\.พ\\.|มี\\.ค\\.|เม\\.ย\\.|พ\\.ค\\.|มิ\\.ย\\.|ก\\.ค\\.|ส\\.ค\\.|ก\\.ย\\.|ต\\.ค\\.|พ\\.ย\\.|ธ\\.ค\\.)';

/**
 * A sample file's bytes, read when sent (the examples may be edited while the demo runs). The plan is sent for
 * the fiscal year of `now`, as the demo seeded it: importing it then updates the demo's plan rather than making
 * 2568 the year everyone reports on. Every Buddhist-era year moves by the same number of years: the year column,
 * the periods ("ต.ค. 67 - ก.ย. 68") and the years named in the text, so the file reads as that year's plan.
 */
export function sampleFileBytes(file: SampleFile, now = new Date()): Buffer {
  const bytes = readFileSync(resolve(examplesDir, file.fileName));
  const shift = fiscalYearOf(now) - SAMPLE_PLAN_YEAR;
  if (file.id !== 'plan' || shift === 0) return bytes;
  const moved = bytes
    .toString('utf8')
    .replace(/\b25[4-9]\d\b/g, (year) => String(Number(year) + shift))
    .replace(new RegExp(`(${THAI_MONTH}\\s*)(\\d{2})\\b`, 'g'), (_, month: string, year: string) => `${month}${String((Number(year) + shift) % 100).padStart(2, '0')}`);
  return Buffer.from(moved, 'utf8');
}
