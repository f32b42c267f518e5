import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadStorageConfig } from '../src/config.js';
import { connectDatabase, disconnectDatabase } from '../src/db/connect.js';
import { loadDotEnv, resolveDatabase } from '../src/db/open-database.js';
import { parseScope } from '../src/domain/rollup.js';
import { DEFAULT_LEVEL_THRESHOLDS } from '../src/domain/summary.js';
import { produceReport, REPORT_KINDS, reportDefinition } from '../src/reports/catalogue.js';

/**
 * Writes every DOCX/XLSX report of the data in LOCAL_DATA_DIR into the folder given, named by kind, in one
 * database session (scripts/render-reports.sh imports the sample data first). Years as the samples hold them.
 */
const [out, ...only] = process.argv.slice(2);
if (!out) throw new Error('usage: tsx scripts/build-sample-reports.ts <folder> [kind …]');
const YEAR: Partial<Record<string, number>> = { 'oit-xlsx': 2567, 'oit-docx': 2567, 'indicators-docx': 2566, 'indicators-xlsx': 2566 };

loadDotEnv();
const config = loadStorageConfig();
const { uri, local } = await resolveDatabase(config);
try {
  await connectDatabase(uri);
  await mkdir(out, { recursive: true });
  for (const kind of REPORT_KINDS.filter((k) => reportDefinition(k).fileType !== 'csv' && (only.length === 0 || only.includes(k)))) {
    const file = await produceReport(config.ORG_CODE, {
      kind,
      fiscalYear: YEAR[kind] ?? 2568,
      thresholds: DEFAULT_LEVEL_THRESHOLDS,
      reporter: { name: 'นายนครินทร์ วงศ์พงษ์', position: 'ปลัดเทศบาลตำบลโพธิ์ทอง' },
      scope: parseScope('province:อ่างทอง'),
      now: new Date('2025-10-15T10:00:00+07:00'),
    });
    await writeFile(path.join(out, `${kind}${path.extname(file.fileName)}`), file.body);
  }
} finally {
  await disconnectDatabase();
  await local?.stop();
}
