import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ComplaintStats } from '../../src/domain/complaints.js';
import { arabicDigits } from '../../src/domain/thai.js';
import { complaintLine } from '../../src/flex/summary-message.js';
import {
  AUDIENCES,
  CORRUPTION_PRIVACY,
  EXECUTIVE_COUNT_NOTE_TH,
  privacyTableMarkdown,
  REPORTER_PROTECTION_TH,
  seesCorruptionCounts,
  STORY_READERS_TH,
} from '../../src/domain/corruption-privacy.js';

describe('who may see what of a corruption report', () => {
  it('is the table the README shows', () => {
    expect(readFileSync('README.md', 'utf8')).toContain(privacyTableMarkdown());
  });

  it('shows nobody but the reporter who reported, and the story only to integrity officers', () => {
    for (const audience of AUDIENCES) {
      expect(CORRUPTION_PRIVACY[audience].reporter, audience).toBe(audience === 'reporter');
      expect(CORRUPTION_PRIVACY[audience].story, audience).toBe(['reporter', 'responsible_officer', 'integrity_officers'].includes(audience));
    }
  });

  it('lets executives and the public count corruption reports, and not the executives\' group', () => {
    expect(seesCorruptionCounts('executives')).toBe(true);
    expect(seesCorruptionCounts('public')).toBe(true);
    expect(seesCorruptionCounts('executive_group')).toBe(false);
    expect(seesCorruptionCounts('supervisors')).toBe(false);
  });

  it('tells the reporter who reads the story, and promises no more than the table holds', () => {
    expect(STORY_READERS_TH).toBe('นิติกรหรือผู้รับผิดชอบเรื่องทุจริตของหน่วยงาน');
    expect(REPORTER_PROTECTION_TH).toContain(`เปิดให้เฉพาะ${STORY_READERS_TH}อ่าน`);
    expect(REPORTER_PROTECTION_TH).toContain('ไม่มีเจ้าหน้าที่คนใดเห็นชื่อหรือบัญชี LINE ของท่าน เว้นแต่ท่านเขียนไว้ในเรื่องหรือในรูปภาพเอง');
    expect(REPORTER_PROTECTION_TH).toContain('ผู้บริหาร หน่วยงานกำกับดูแล และประชาชนทั่วไปเห็นเพียงจำนวนเรื่อง');
    expect(REPORTER_PROTECTION_TH).not.toContain('ไม่ทราบตัวตนของท่าน');
    expect(EXECUTIVE_COUNT_NOTE_TH).not.toContain('นิติกรผู้รับผิดชอบ');
    expect(EXECUTIVE_COUNT_NOTE_TH.length).toBeLessThanOrEqual(200);
  });
});

describe("the summary's complaints line", () => {
  const stats = (general: number, corruption: number): ComplaintStats => ({
    fiscalYear: 2570,
    all: { total: general + corruption, completed: 0, inProgress: general + corruption, withdrawn: 0 },
    byKind: { general: { total: general, completed: 0, inProgress: general, withdrawn: 0 }, corruption: { total: corruption, completed: 0, inProgress: corruption, withdrawn: 0 } },
    overdue: general + corruption,
    overdueByKind: { general, corruption },
  });

  it('gives executives the corruption reports as a number of their kind, next to the total they are part of', () => {
    expect(arabicDigits(complaintLine(stats(1, 1), 'executives'))).toBe(
      'เรื่องร้องเรียนปีงบประมาณ 2570: ทั้งหมด 2 (แจ้งเบาะแสการทุจริต 1) · เสร็จ 0 · อยู่ระหว่างดำเนินการ 2 · เกินกำหนด 2',
    );
  });

  it("gives the executives' group general complaints only, and no line at all when there are only corruption reports", () => {
    expect(arabicDigits(complaintLine(stats(1, 1), 'executive_group'))).toBe('เรื่องร้องเรียนทั่วไปปีงบประมาณ 2570: ทั้งหมด 1 · เสร็จ 0 · อยู่ระหว่างดำเนินการ 1 · เกินกำหนด 1');
    expect(complaintLine(stats(0, 3), 'executive_group')).toBe('');
  });
});
