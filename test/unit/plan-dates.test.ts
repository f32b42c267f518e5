import { describe, expect, it } from 'vitest';
import { parsePeriod, parseThaiDate, shiftPeriodText } from '../../src/domain/fiscal-year.js';
import { validatePlan } from '../../src/plan-import/validate-plan.js';

/** Bangkok calendar days of a range: its first day and its last day (the end is exclusive). */
function days(text: string, fiscalYear: number): [string, string] | null {
  const r = parsePeriod(text, fiscalYear);
  const day = (d: Date) => new Date(d.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10);
  return r && [day(r.start), day(new Date(r.end.getTime() - 1))];
}

describe('periods as the seed reports write them', () => {
  // Every period and date string of the five seeds' period columns, verbatim (spacing included).
  it.each([
    // seed 000: IIT/EIT rows and its three measures
    ['ต.ค. 66  ถึง  ก.ย. 67', 2567, ['2023-10-01', '2024-09-30']],
    ['ตลอดปีงบประมาณ', 2567, ['2023-10-01', '2024-09-30']],
    // seed 001: Thai digits, full month names, ranges within a month, a start without its year
    ['๑ ตุลาคม ๒๕๖๗ - ๓๐ กันยายน ๒๕๖๘', 2568, ['2024-10-01', '2025-09-30']],
    ['<p>๑ ตุลาคม ๒๕๖๗ - ๓๐ กันยายน ๒๕๖๘</p>', 2568, ['2024-10-01', '2025-09-30']],
    ['๑ - ๓๑ กรกฎาคม ๒๕๖๘', 2568, ['2025-07-01', '2025-07-31']],
    ['๑ ตุลาคม - ๓๐ กันยายน ๒๕๖๘', 2568, ['2024-10-01', '2025-09-30']],
    ['๑ มกราคม - ๓๐ เมษายน ๒๕๖๘', 2568, ['2025-01-01', '2025-04-30']],
    // Read as written: 1 Oct – 31 Dec 2568 is the first quarter of FY 2569 (the plan check flags it, below).
    ['๑ ตุลาคม - ๓๑ ธันวาคม ๒๕๖๘', 2568, ['2025-10-01', '2025-12-31']],
    // seed 002: a named fiscal year
    ['ปีงบประมาณ ๒๕๖๖', 2566, ['2022-10-01', '2023-09-30']],
    ['ปีงบประมาณ ๒๕๖๖', 2568, ['2022-10-01', '2023-09-30']],
    // seed 003: "ระยะเวลา ๖ เดือนแรกของปี พ.ศ. ๒๕๖๕" describes an OIT item's content, not a plan period.
    // What people type besides: short forms, B.E. in two or four digits, Arabic or Thai digits.
    ['ต.ค. 67 - ก.ย. 68', 2568, ['2024-10-01', '2025-09-30']],
    ['ต.ค. 66 ถึง ก.ย. 67', 2567, ['2023-10-01', '2024-09-30']],
    ['มี.ค. 69', 2569, ['2026-03-01', '2026-03-31']],
    ['มี.ค. ๒๕๖๙', 2569, ['2026-03-01', '2026-03-31']],
    ['ต.ค.67-ธ.ค.67', 2568, ['2024-10-01', '2024-12-31']],
    ['ต.ค 67 – ก.ย 68', 2568, ['2024-10-01', '2025-09-30']],
    ['ตุลาคม 2567 - กันยายน 2568', 2568, ['2024-10-01', '2025-09-30']],
    ['ม.ค. - มี.ค.', 2568, ['2025-01-01', '2025-03-31']],
    ['ธ.ค.', 2568, ['2024-12-01', '2024-12-31']],
    ['พ.ย. พ.ศ. 2567 - ม.ค. พ.ศ. 2568', 2568, ['2024-11-01', '2025-01-31']],
    ['15 มีนาคม 2568', 2568, ['2025-03-15', '2025-03-15']],
    ['วันที่ 1 ต.ค. 67 ถึงวันที่ 31 ธ.ค. 67', 2568, ['2024-10-01', '2024-12-31']],
    ['ตลอดปี', 2568, ['2024-10-01', '2025-09-30']],
    ['', 2568, ['2024-10-01', '2025-09-30']],
  ] as const)('%j (FY %i)', (text, fiscalYear, expected) => {
    expect(days(text, fiscalYear)).toEqual(expected);
  });

  it.each(['เดือนหน้า', 'ก.ย. 68 - ต.ค. 67', '31 กุมภาพันธ์ 2568', '1 - 31', 'ต.ค. 1234', 'ต.ค. 67 - ก.ย. 68 - ธ.ค. 68'])('does not read %j', (text) => {
    expect(parsePeriod(text, 2568)).toBeNull();
  });

  it('reads one date: seed 004\'s "ข้อมูล ณ วันที่ 06 พฤศจิกายน 2566" and its other spellings', () => {
    const day = (t: string) => parseThaiDate(t)?.toISOString();
    const bangkokMidnight = '2023-11-05T17:00:00.000Z';
    for (const text of ['06 พฤศจิกายน 2566', '6 พ.ย. 66', '๖ พ.ย. ๒๕๖๖', '2023-11-06', 'วันที่ 6 พฤศจิกายน พ.ศ. 2566']) {
      expect(day(text), text).toBe(bangkokMidnight);
    }
    expect(parseThaiDate('พฤศจิกายน 2566')).toBeNull();
    expect(parseThaiDate('32 ต.ค. 66')).toBeNull();
  });

  it('moves the years of a period and keeps its form and digits', () => {
    expect(shiftPeriodText('๑ ตุลาคม ๒๕๖๗ - ๓๐ กันยายน ๒๕๖๘', 2)).toBe('๑ ตุลาคม ๒๕๖๙ - ๓๐ กันยายน ๒๕๗๐');
    expect(shiftPeriodText('ต.ค. 66  ถึง  ก.ย. 67', 3)).toBe('ต.ค. 69  ถึง  ก.ย. 70');
    expect(shiftPeriodText('๑ - ๓๑ กรกฎาคม ๒๕๖๘', 2)).toBe('๑ - ๓๑ กรกฎาคม ๒๕๗๐');
    expect(shiftPeriodText('ปีงบประมาณ ๒๕๖๘', 2)).toBe('ปีงบประมาณ ๒๕๗๐');
    expect(shiftPeriodText('ตลอดปีงบประมาณ', 2)).toBe('ตลอดปีงบประมาณ');
  });
});

describe('plan rows with problems name the row, the column and the text', () => {
  const HEADER = ['รหัส', 'ประเภท', 'มาตรการ/โครงการ', 'มิติ', 'ระยะเวลา', 'ปีงบประมาณ', 'งบประมาณ', 'สถานะ', 'สรุปผล', 'ณ วันที่'];
  const table = (...rows: string[][]) => ({
    headers: HEADER,
    rows: rows.map((cells, i) => ({ rowNumber: i + 2, cells: Object.fromEntries(HEADER.map((h, c) => [h, cells[c] ?? ''])) })),
  });

  it('reads budgets with Thai digits and commas, and a row\'s status and result', () => {
    const { measures, problems } = validatePlan(
      table(['P-1', 'โครงการ', 'โครงการอบรม', '๒', '๑ - ๓๑ กรกฎาคม ๒๕๖๘', '๒๕๖๘', '๑๒๐,๐๐๐.๐๐', 'อยู่ระหว่างดำเนินการ', 'จัดอบรมแล้ว ๑ รุ่น', '06 พฤศจิกายน 2568']),
    );
    expect(problems).toEqual([]);
    expect(measures[0]).toMatchObject({ budget: 120000, fiscalYear: 2568, result: { status: 'in_progress', summary: 'จัดอบรมแล้ว ๑ รุ่น', outcome: null } });
    expect(measures[0]!.result!.asOf!.toISOString()).toBe('2025-11-05T17:00:00.000Z');
  });

  it('quotes the text it could not read, in Thai', () => {
    const { problems } = validatePlan(
      table(
        ['A-1', 'โครงการ', 'งบผิด', '1', 'ตลอดปีงบประมาณ', '2568', 'สองพัน'],
        ['A-2', 'มาตรการ', 'ระยะเวลาผิด', '', 'เดือนหน้า', '2568'],
        ['A-3', 'มาตรการ', 'นอกปี', '', '๑ ตุลาคม - ๓๑ ธันวาคม ๒๕๖๘', '2568'],
        ['A-4', 'มาตรการ', 'สถานะผิด', '', 'ตลอดปีงบประมาณ', '2568', '', 'เกือบเสร็จ'],
        ['A-5', 'มาตรการ', 'ไม่มีสถานะ', '', 'ตลอดปีงบประมาณ', '2568', '', '', 'ทำแล้ว', '6 พ.ย. ๖๘x'],
        ['A-6', 'มาตรการ', 'ปีผิด', '', 'ตลอดปีงบประมาณ', '68'],
      ),
    );
    expect(problems.map((p) => `${p.row} ${p.column}: ${p.message}`)).toEqual([
      '2 งบประมาณ: อ่านจำนวนเงิน "สองพัน" ไม่ได้ ต้องเป็นจำนวนบาท เช่น 15000 หรือ ๑๕,๐๐๐.๐๐',
      expect.stringMatching(/^3 ระยะเวลา: อ่านระยะเวลา "เดือนหน้า" ไม่ได้ ใช้รูปแบบเช่น/),
      '4 ระยะเวลา: ระยะเวลา "๑ ตุลาคม - ๓๑ ธันวาคม ๒๕๖๘" (1 ต.ค. 2568 – 31 ธ.ค. 2568) อยู่นอกปีงบประมาณ 2568 (1 ต.ค. 2567 – 30 ก.ย. 2568) ตรวจสอบปี พ.ศ. อีกครั้ง',
      expect.stringMatching(/^5 สถานะ: อ่านสถานะ "เกือบเสร็จ" ไม่ได้ ใช้ ยังไม่ได้ดำเนินการ, อยู่ระหว่างดำเนินการ/),
      '6 สถานะ: มีผลการดำเนินการแต่ไม่ได้ระบุสถานะ',
      expect.stringMatching(/^6 ณ วันที่: อ่านวันที่ "6 พ.ย. ๖๘x" ไม่ได้/),
      '7 ปีงบประมาณ: อ่านปีงบประมาณ "68" ไม่ได้ ต้องเป็นปีพุทธศักราช 4 หลัก เช่น 2568 หรือ ๒๕๖๘',
    ]);
  });
});
