import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** A sample file's bytes, read when sent (the examples may be edited while the demo runs). */
export function sampleFileBytes(file: SampleFile): Buffer {
  return readFileSync(resolve(examplesDir, file.fileName));
}
