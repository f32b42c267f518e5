import { describe, expect, it } from 'vitest';
import {
  parseDayOff,
  parseDigitChoice,
  parseFactorLines,
  parseFactorNumber,
  parseItaLevel,
  parseItaScore,
  parseOrganisationName,
  parsePlace,
  parseReminderDays,
  parseTypedCategories,
  parseTypedThresholds,
  parseTypedTime,
} from '../../domain/settings.js';

const value = <T>(parsed: { value: T } | { error: string }) => ('value' in parsed ? parsed.value : `ERROR: ${parsed.error}`);
const error = (parsed: { value: unknown } | { error: string }) => ('error' in parsed ? parsed.error : 'NO ERROR');

describe('thresholds as admins type them', () => {
  const levels = [
    { label: 'มาก', min: 70 },
    { label: 'ปานกลาง', min: 50 },
    { label: 'น้อย', min: 0 },
  ];

  it.each([
    'มาก 70 ปานกลาง 50 น้อย 0',
    'มาก:70,ปานกลาง:50,น้อย:0',
    'มาก 70, ปานกลาง 50, น้อย 0',
    'มาก ๗๐ ปานกลาง ๕๐ น้อย ๐',
    'มาก 70%\nปานกลาง 50%\nน้อย 0%',
    'น้อย 0 มาก ตั้งแต่ 70 ขึ้นไป ปานกลาง 50',
    '  มาก   ≥70   ปานกลาง ≥ 50  น้อย 0 ',
  ])('reads %j, highest first', (typed) => {
    expect(value(parseTypedThresholds(typed))).toEqual(levels);
  });

  it('keeps labels of two words', () => {
    expect(value(parseTypedThresholds('มากที่สุด 90 ค่อนข้างมาก 70 น้อยที่สุด 0'))).toEqual([
      { label: 'มากที่สุด', min: 90 },
      { label: 'ค่อนข้างมาก', min: 70 },
      { label: 'น้อยที่สุด', min: 0 },
    ]);
  });

  it.each([
    ['มาก 70 ปานกลาง 50', 'ต้องมีระดับที่เริ่มที่ 0'],
    ['70 50 0', 'เช่น มาก 70 ปานกลาง 50 น้อย 0'],
    ['มาก ปานกลาง น้อย', 'เช่น มาก 70 ปานกลาง 50 น้อย 0'],
    ['มาก 170 น้อย 0', 'ระหว่าง 0 ถึง 100'],
    ['มาก 70 มาก 50 น้อย 0', 'ชื่อระดับซ้ำ'],
    ['มาก 50 ปานกลาง 50 น้อย 0', 'ร้อยละซ้ำ'],
    ['น้อย 0', 'อย่างน้อย 2 ระดับ'],
    ['', 'เช่น มาก 70'],
  ])('refuses %j, saying what is expected', (typed, expected) => {
    expect(error(parseTypedThresholds(typed))).toContain(expected);
  });
});

describe('reminder days', () => {
  it.each([
    ['7,1', [7, 1]],
    ['1, 7', [7, 1]],
    ['7 3 1', [7, 3, 1]],
    ['๗,๓,๑', [7, 3, 1]],
    ['14 และ 3 วัน', [14, 3]],
    ['7,7,1', [7, 1]],
  ])('reads %j', (typed, days) => {
    expect(value(parseReminderDays(typed))).toEqual(days);
  });

  it.each(['', 'เจ็ดวัน', '7;1a', '0', '7,120', '7.5'])('refuses %j with an example', (typed) => {
    expect(error(parseReminderDays(typed))).toContain('เช่น 7,1');
  });
});

describe('a job time', () => {
  it.each([
    ['10:00', '10:00'],
    ['9:05', '09:05'],
    ['9.30', '09:30'],
    ['16.30 น.', '16:30'],
    ['๑๐:๐๐', '10:00'],
    [' 07:45 ', '07:45'],
  ])('reads %j as %s', (typed, time) => {
    expect(value(parseTypedTime(typed))).toBe(time);
  });

  it.each(['24:00', '10:60', 'สิบโมง', '1000', '10:0'])('refuses %j', (typed) => {
    expect(error(parseTypedTime(typed))).toContain('เช่น 10:00');
  });
});

describe('complaint categories', () => {
  it('reads commas or lines, spaces evened', () => {
    expect(value(parseTypedCategories('ถนน, ไฟฟ้า,น้ำประปา\nต้นไม้ล้ม , อื่น   ๆ'))).toEqual(['ถนน', 'ไฟฟ้า', 'น้ำประปา', 'ต้นไม้ล้ม', 'อื่น ๆ']);
  });

  it('refuses too many, too long and repeated names, naming the one', () => {
    expect(error(parseTypedCategories(Array.from({ length: 13 }, (_, i) => `ประเภท${i}`).join(',')))).toContain('ไม่เกิน 12 ประเภท');
    expect(error(parseTypedCategories('ถนน, ปัญหาไฟฟ้าดับทั้งหมู่บ้านนานหลายวัน'))).toContain('"ปัญหาไฟฟ้าดับทั้งหมู่บ้านนานหลายวัน" ยาวเกิน 20 ตัวอักษร');
    expect(error(parseTypedCategories('ถนน, ไฟฟ้า, ถนน'))).toContain('"ถนน" ซ้ำกัน');
    expect(error(parseTypedCategories(' , '))).toContain('คั่นด้วยจุลภาค');
  });
});

describe('ITA score and level', () => {
  it.each([
    ['92.35', 92.35],
    ['๘๕.๕', 85.5],
    ['คะแนน 100', 100],
    ['0', 0],
  ])('reads the score %j', (typed, score) => {
    expect(value(parseItaScore(typed))).toBe(score);
  });

  it.each(['100.5', '-1', 'เก้าสิบ', '92.345', '92,35'])('refuses the score %j', (typed) => {
    expect(error(parseItaScore(typed))).toContain('0 ถึง 100');
  });

  it('reads a level typed in any case, refuses another', () => {
    expect(value(parseItaLevel(' aa '))).toBe('AA');
    expect(value(parseItaLevel('ระดับ B'))).toBe('B');
    expect(error(parseItaLevel('A+'))).toContain('AA, A, B, C, D, E, F');
  });
});

describe('names and places', () => {
  it('keeps the name as typed, trimmed, on one line', () => {
    expect(value(parseOrganisationName('  องค์การบริหารส่วนตำบลโพธิ์ทอง  '))).toBe('องค์การบริหารส่วนตำบลโพธิ์ทอง');
    expect(error(parseOrganisationName('อบต.\nโพธิ์ทอง'))).toContain('ในบรรทัดเดียว');
    expect(error(parseOrganisationName('ก'.repeat(201)))).toContain('ยาวเกิน 200');
    expect(error(parseOrganisationName('   '))).toContain('กรุณาพิมพ์ชื่อองค์กร');
  });

  it('leaves out the อำเภอ/จังหวัด people type before the place', () => {
    expect(value(parsePlace('district', 'อำเภอโพธิ์ทอง'))).toBe('โพธิ์ทอง');
    expect(value(parsePlace('district', 'อ. โพธิ์ทอง'))).toBe('โพธิ์ทอง');
    expect(value(parsePlace('province', 'จ.อ่างทอง'))).toBe('อ่างทอง');
    expect(error(parsePlace('province', 'จังหวัด'))).toContain('เช่น อ่างทอง');
  });
});

describe('a day off of the organisation', () => {
  const today = '2026-12-05';

  it.each([
    ['12 ส.ค. 2570 งานประเพณีแห่เทียนพรรษา', '2027-08-12'],
    ['12 สค 70 งานประเพณีแห่เทียนพรรษา', '2027-08-12'],
    ['๑๒ สิงหาคม ๒๕๗๐ งานประเพณีแห่เทียนพรรษา', '2027-08-12'],
    ['วันที่ 12 สิงหาคม พ.ศ. 2570 งานประเพณีแห่เทียนพรรษา', '2027-08-12'],
    ['12/8/2570 งานประเพณีแห่เทียนพรรษา', '2027-08-12'],
    ['2027-08-12 งานประเพณีแห่เทียนพรรษา', '2027-08-12'],
    ['12 ส.ค. งานประเพณีแห่เทียนพรรษา', '2027-08-12'],
  ])('reads %j', (typed, date) => {
    expect(value(parseDayOff(typed, today))).toEqual({ date, name: 'งานประเพณีแห่เทียนพรรษา' });
  });

  it('keeps the name as typed, Thai digits included', () => {
    expect(value(parseDayOff('7 ม.ค. 2570 วันหยุดปีใหม่ ๒๕๗๐', today))).toEqual({ date: '2027-01-07', name: 'วันหยุดปีใหม่ ๒๕๗๐' });
  });

  it('takes a date without a year as its next one', () => {
    expect(value(parseDayOff('5 ธ.ค. วันพ่อ', today))).toMatchObject({ date: '2026-12-05' });
    expect(value(parseDayOff('4 ธ.ค. งาน', today))).toMatchObject({ date: '2027-12-04' });
  });

  it.each([
    ['งานประเพณี', 'กรุณาพิมพ์วันที่แล้วตามด้วยชื่อวันหยุด'],
    ['12 ส.ค. 2570', 'กรุณาพิมพ์ชื่อวันหยุด'],
    ['30 ก.พ. 2570 งาน', 'ไม่มีวันที่นี้ในปฏิทิน'],
    ['1 ม.ค. 2569 งาน', 'ผ่านมาแล้ว'],
    ['1 ม.ค. 2575 งาน', 'ไม่เกิน 2 ปี'],
    ['12 สิงหา 2570 งาน', 'กรุณาพิมพ์วันที่แล้วตามด้วยชื่อวันหยุด'],
  ])('refuses %j', (typed, expected) => {
    expect(error(parseDayOff(typed, today))).toContain(expected);
  });
});

describe('ปัจจัยสนับสนุน', () => {
  it('reads a list one a line, without the numbers and bullets people start lines with', () => {
    expect(value(parseFactorLines('1. ผู้บริหารให้ความสำคัญ\n\n- บุคลากรมีส่วนร่วม\n๓) ประชาชนให้ความร่วมมือ'))).toEqual(['ผู้บริหารให้ความสำคัญ', 'บุคลากรมีส่วนร่วม', 'ประชาชนให้ความร่วมมือ']);
    expect(error(parseFactorLines('\n \n'))).toContain('บรรทัดละหนึ่งข้อ');
  });

  it('reads which one to remove by its number', () => {
    expect(value(parseFactorNumber('2', 3))).toBe(1);
    expect(value(parseFactorNumber('ข้อ ๓', 3))).toBe(2);
    expect(error(parseFactorNumber('4', 3))).toContain('ตั้งแต่ 1 ถึง 3');
  });
});

describe('the digit style', () => {
  it('reads the buttons and the words people type', () => {
    expect(value(parseDigitChoice('เลขไทย'))).toBe('thai');
    expect(value(parseDigitChoice('อารบิก'))).toBe('arabic');
    expect(error(parseDigitChoice('โรมัน'))).toContain('"เลขอารบิก" หรือ "เลขไทย"');
  });
});
