import { describe, expect, it } from 'vitest';
import { postbackDataIn } from '../../../test/support/chat.js';
import { figures } from '../../domain/figures.js';
import type { ImportSummary } from '../../file-import/file-imports.js';
import { detectKind } from '../../file-import/kinds.js';
import { LINE_LIMITS, limitViolations } from '../../line/limits.js';
import { parsePostbackData } from '../../line/postback.js';
import { readTable } from '../../plan-import/read-table.js';
import { FILE_IMPORT_ACTIONS } from './actions.js';
import { howToText, importedText, previewMessage, problemsText } from './cards.js';

const LONG = 'ข้อความยาวมากที่คัดลอกมาจากเอกสารแผนปฏิบัติการ '.repeat(40);
const codes = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}-${String(i + 1).padStart(3, '0')}`);

/** The largest file an organisation could send: every list far longer than the card shows. */
const huge: ImportSummary = {
  kind: 'plan',
  fiscalYears: [2568, 2569],
  created: 900,
  updated: 600,
  added: codes(900, 'EP'),
  changes: codes(600, 'ITA').flatMap((code) => [
    { code, field: 'ชื่อ', before: LONG, after: `${LONG} (ปรับปรุง)` },
    { code, field: 'วิธีดำเนินการ', before: LONG, after: '' },
  ]),
  notInFile: codes(400, 'OLD'),
  warnings: Array.from({ length: 300 }, (_, i) => ({ row: i + 2, column: 'มาตรการ/โครงการ', message: `ข้อความกล่าวถึง "องค์การบริหารส่วนตำบลอื่น" ${LONG}` })),
  results: 51,
  toOitList: 7,
};

describe('the preview card of a file sent for import', () => {
  it('stays within LINE\'s limits however long the file, and its two buttons are the feature\'s own', () => {
    const id = 'AbCdEfGhIjKlMnOpQrStUv';
    for (const style of ['arabic', 'thai'] as const) {
      const message: any = previewMessage({ fileName: `${'แผนปฏิบัติการป้องกันการทุจริต '.repeat(20)}.xlsx`, summary: huge, id }, figures(style));
      expect(limitViolations(message)).toEqual([]);
      const pressed = postbackDataIn(message).map((data) => parsePostbackData(data));
      expect(pressed.map((p) => p.action)).toEqual([FILE_IMPORT_ACTIONS.importConfirm.name, FILE_IMPORT_ACTIONS.importCancel.name]);
      for (const p of pressed) expect(FILE_IMPORT_ACTIONS.importConfirm.params.safeParse(p.params).success).toBe(true);
    }
  });

  it('counts what it leaves out of each list, and writes its own figures in the organisation\'s digits (never the codes)', () => {
    const message: any = previewMessage({ fileName: 'plan.csv', summary: huge, id: 'AbCdEfGhIjKlMnOpQrStUv' }, figures('thai'));
    const shown = JSON.stringify(message);
    expect(shown).toContain('เพิ่มใหม่ ๙๐๐ รายการ');
    expect(shown).toContain('EP-001, EP-002');
    expect(shown).toContain('และอีก ๘๗๐ รายการ');
    expect(shown).toContain('มีในระบบแต่ไม่มีในไฟล์ ๔๐๐ รายการ (คงไว้ ไม่ลบ)');
    expect(shown).toContain('คำเตือน ๓๐๐ รายการ');
    expect(shown).toContain('ปีงบประมาณ ๒๕๖๘, ๒๕๖๙');
  });

  it('shows a changed budget as the bot writes amounts, and any other field as the file has it', () => {
    const summary: ImportSummary = { ...huge, changes: [{ code: 'EP-01', field: 'งบประมาณ', before: '30000', after: '0' }, { code: 'EP-02', field: 'ระยะเวลา', before: 'ต.ค. 67', after: '2568' }], updated: 2 };
    for (const [style, budget] of [['arabic', 'EP-01 งบประมาณ: 30,000.00 → 0.00'], ['thai', 'EP-01 งบประมาณ: ๓๐,๐๐๐.๐๐ → ๐.๐๐']] as const) {
      const shown = JSON.stringify(previewMessage({ fileName: 'plan.csv', summary, id: 'AbCdEfGhIjKlMnOpQrStUv' }, figures(style)));
      expect(shown).toContain(budget);
      expect(shown).toContain('EP-02 ระยะเวลา: ต.ค. 67 → 2568');
    }
  });

  it('says what the import did, in the organisation\'s digits', () => {
    expect(importedText('plan.csv', { ...huge, fiscalYears: [2568], warnings: [] }, figures('thai'))).toContain('ปีงบประมาณ ๒๕๖๘ · เพิ่มใหม่ ๙๐๐ รายการ · ปรับปรุง ๖๐๐ รายการ');
  });
});

describe('a refused file\'s answer', () => {
  it('lists every problem by row and column while they fit one LINE text, then how many more, and never passes LINE\'s limit', () => {
    const problems = Array.from({ length: 2_000 }, (_, i) => ({ row: i + 2, column: 'ประเภท', message: 'ต้องเป็น anticorruption_project, ita_measure หรือ ita_indicator' }));
    const answer = problemsText('plan.xlsx', 'plan', problems, figures());
    expect(answer.length).toBeLessThanOrEqual(LINE_LIMITS.textLength);
    expect(answer).toContain('ไม่ได้นำเข้า: พบข้อผิดพลาด 2,000 รายการ (ยังไม่มีข้อมูลใดถูกบันทึก)');
    expect(answer).toContain('แถว 2 คอลัมน์ "ประเภท": ต้องเป็น');
    expect(answer).toMatch(/และอีก [\d,]+ รายการ\nกรุณาแก้ไขในไฟล์แล้วส่งมาใหม่ได้เลย$/);
    // A short list is whole.
    expect(problemsText('plan.csv', 'plan', problems.slice(0, 3), figures())).not.toContain('และอีก');
  });

  it('tells how to send a file within one text', () => {
    expect(howToText(figures()).length).toBeLessThanOrEqual(LINE_LIMITS.textLength);
  });
});

describe('which kind a file is, from its header row', () => {
  it('knows the three sample files', async () => {
    expect(detectKind((await readTable('examples/plan-2568.csv')).headers)).toBe('plan');
    expect(detectKind((await readTable('examples/oit-2567.csv')).headers)).toBe('oit');
    expect(detectKind((await readTable('examples/ita-indicators-2566.csv')).headers)).toBe('indicators');
  });

  it('keeps a plan a plan when a required column is missing (its own check then names the column), and knows no other table', () => {
    expect(detectKind(['รหัส', 'มาตรการ/โครงการ', 'ตัวชี้วัด', 'ปีงบประมาณ'])).toBe('plan');
    expect(detectKind(['ข้อ', 'ตัวชี้วัด', 'ปีงบประมาณ'])).toBe('oit');
    expect(detectKind(['ตัวชี้วัด', 'Score', 'ปีงบประมาณ'])).toBe('indicators');
    expect(detectKind(['ชื่อ', 'นามสกุล'])).toBeNull();
    expect(detectKind([])).toBeNull();
  });
});
