import { describe, expect, it } from 'vitest';
import { fiscalYearOf, fiscalYearRange, parsePeriod } from '../../src/domain/fiscal-year.js';
import { ALL_UNITS, isAssignedTo } from '../../src/domain/measures.js';
import { parseStatus } from '../../src/domain/statuses.js';
import { arabicDigits, formatBaht, formatThaiDate, parseAmount, thaiDigits, truncate } from '../../src/domain/thai.js';
import { retryKeyFor } from '../../src/line/retry-key.js';

describe('fiscal year (1 Oct – 30 Sep, named by the B.E. year it ends in)', () => {
  it('puts 30 Sep 2025 in FY 2568 and 1 Oct 2025 (Bangkok) in FY 2569', () => {
    expect(fiscalYearOf(new Date('2025-09-30T16:59:59Z'))).toBe(2568);
    expect(fiscalYearOf(new Date('2025-09-30T17:00:00Z'))).toBe(2569);
    expect(fiscalYearOf(new Date('2026-11-23T12:00:00Z'))).toBe(2570);
  });

  it('gives FY 2568 as 1 Oct 2024 – 30 Sep 2025, Bangkok midnight', () => {
    const { start, end } = fiscalYearRange(2568);
    expect(start.toISOString()).toBe('2024-09-30T17:00:00.000Z');
    expect(end.toISOString()).toBe('2025-09-30T17:00:00.000Z');
  });

  it('reads the period forms of the seed reports', () => {
    const iso = (r: ReturnType<typeof parsePeriod>) => r && [r.start.toISOString().slice(0, 10), r.end.toISOString().slice(0, 10)];
    expect(iso(parsePeriod('ต.ค. 66 ถึง ก.ย. 67', 2567))).toEqual(['2023-09-30', '2024-09-30']);
    expect(iso(parsePeriod('ม.ค. 68 - เม.ย. 68', 2568))).toEqual(['2024-12-31', '2025-04-30']);
    expect(iso(parsePeriod('มี.ค. ๒๕๖๘', 2568))).toEqual(['2025-02-28', '2025-03-31']);
    expect(iso(parsePeriod('ตลอดปีงบประมาณ', 2568))).toEqual(['2024-09-30', '2025-09-30']);
    expect(iso(parsePeriod('ธ.ค.', 2568))).toEqual(['2024-11-30', '2024-12-31']);
    expect(parsePeriod('เดือนหน้า', 2568)).toBeNull();
    expect(parsePeriod('ก.ย. 68 - ต.ค. 67', 2568)).toBeNull();
  });
});

describe('Thai numbers, dates and text', () => {
  it('reads amounts typed with Thai or Arabic digits, separators and บาท', () => {
    expect(parseAmount('๑๒,๕๐๐ บาท')).toBe(12500);
    expect(parseAmount('35000.50')).toBe(35000.5);
    expect(parseAmount('฿1,000')).toBe(1000);
    expect(parseAmount('-5')).toBeNull();
    expect(parseAmount('หนึ่งพัน')).toBeNull();
    expect(parseAmount('1e5')).toBeNull();
  });

  it('converts digits both ways and formats baht and Bangkok dates in B.E.', () => {
    expect(arabicDigits('๒๕๖๘')).toBe('2568');
    expect(thaiDigits('83.33')).toBe('๘๓.๓๓');
    expect(formatBaht(0)).toBe('0.00');
    expect(formatBaht(1234567.5)).toBe('1,234,567.50');
    expect(formatThaiDate(new Date('2025-03-31T17:30:00Z'))).toBe('1 เม.ย. 2568');
  });

  it('truncates without splitting an emoji', () => {
    expect(truncate('abc', 5)).toBe('abc');
    const cut = truncate('ab😀😀', 4);
    expect(cut).toBe('ab…');
  });
});

describe('statuses as people type them', () => {
  it('reads statuses in full Thai, short Thai or code', () => {
    expect(parseStatus('ดำเนินการแล้วเสร็จ')).toBe('completed');
    expect(parseStatus('กำลังดำเนินการ')).toBe('in_progress');
    expect(parseStatus('cannot_proceed')).toBe('cannot_proceed');
    expect(parseStatus('เสร็จ')).toBeNull();
  });
});

describe('LINE retry keys', () => {
  it('are UUIDs, stable for the same message and different for another', () => {
    expect(retryKeyFor('E1:0')).toBe(retryKeyFor('E1:0'));
    expect(retryKeyFor('E1:0')).not.toBe(retryKeyFor('E1:1'));
    expect(retryKeyFor('E1:0')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('who answers for a measure', () => {
  const officer = { unit: 'กองคลัง', position: 'นักวิชาการเงินและบัญชี' };
  it('is an officer of a named unit, of any unit when the measure names all units, or of a named position', () => {
    expect(isAssignedTo({ responsibleUnits: ['กองคลัง'], assignees: [] }, officer)).toBe(true);
    expect(isAssignedTo({ responsibleUnits: [ALL_UNITS], assignees: [] }, { unit: null, position: null })).toBe(true);
    expect(isAssignedTo({ responsibleUnits: ['สำนักปลัด'], assignees: ['นักวิชาการเงินและบัญชี'] }, officer)).toBe(true);
  });
  it('is nobody else', () => {
    expect(isAssignedTo({ responsibleUnits: ['สำนักปลัด'], assignees: ['ปลัด'] }, officer)).toBe(false);
    expect(isAssignedTo({ responsibleUnits: ['สำนักปลัด'], assignees: [] }, { unit: null, position: null })).toBe(false);
  });
});
