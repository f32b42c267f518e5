import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScope } from '../../src/domain/rollup.js';
import { DEFAULT_LEVEL_THRESHOLDS } from '../../src/domain/summary.js';
import { produceReport, REPORT_KINDS, reportDefinition } from '../../src/reports/catalogue.js';
import { seedDemo } from '../../src/simulator/demo.js';
import { connectTestDatabase } from '../support/harness.js';

let db: Awaited<ReturnType<typeof connectTestDatabase>>;
beforeAll(async () => {
  db = await connectTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

describe('every report kind of the registry', () => {
  it('builds from an organisation’s data, as a file of its own type that opens', async () => {
    const now = new Date('2026-11-26T03:00:00Z');
    await seedDemo('registry-org', now);
    for (const kind of REPORT_KINDS) {
      const { fileType } = reportDefinition(kind);
      const file = await produceReport('registry-org', { kind, thresholds: DEFAULT_LEVEL_THRESHOLDS, scope: parseScope('province:อ่างทอง'), now });
      expect(file.fileName, kind).toMatch(new RegExp(`^[a-z0-9-]+\\.${fileType}$`));
      expect(file.contentType, kind).toContain(fileType === 'csv' ? 'text/csv' : fileType === 'docx' ? 'wordprocessingml' : 'spreadsheetml');
      // DOCX and XLSX are zip archives; the CSV is text with a header line.
      if (fileType === 'csv') expect(file.body.toString('utf8').split('\n').length, kind).toBeGreaterThan(1);
      else expect(file.body.subarray(0, 2).toString('latin1'), kind).toBe('PK');
    }
  }, 120_000);
});
