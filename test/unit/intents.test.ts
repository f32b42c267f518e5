import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/dialogs/commands.js';
import { matchIntent } from '../../src/dialogs/intents.js';
import { trackingNumberIn } from '../../src/domain/complaints.js';

describe('people understood in their own words (no dialog waiting)', () => {
  it.each([
    ['ร้องทุกข์', 'complaint'],
    ['แจ้งทุจริต', 'complaint'],
    ['แจ้งเรื่องร้องเรียน', 'complaint'],
    ['อยากร้องเรียนเรื่องถนน', 'complaint'],
    ['ขอแจ้งเบาะแสการทุจริตครับ', 'complaint'],
    ['มีเรื่องจะร้องเรียนค่ะ', 'complaint'],
    ['แจ้งปัญหาไฟฟ้าดับ', 'complaint'],
    ['เรื่องของฉัน', 'myCases'],
    ['เรื่องที่ผมแจ้งไว้', 'myCases'],
    ['ขอดูเรื่องของผมหน่อยครับ', 'myCases'],
    ['สถิติเรื่องร้องเรียน', 'complaintStats'],
    ['ส่งออกรายงาน', 'exportReport'],
    ['ขอดาวน์โหลดรายงานหน่อย', 'exportReport'],
    ['ขอสรุปผลการดำเนินงาน', 'summary'],
    ['สรุปครับ', 'summary'],
    ['รายงานความก้าวหน้า', 'report'],
    ['จะรายงานผลครับ', 'report'],
    ['สวัสดีครับ', 'help'],
    ['สวัสดี', 'help'],
    ['Hello', 'help'],
    ['ใช้งานยังไง', 'help'],
    ['บอททำอะไรได้บ้าง', 'help'],
  ])('%s → %s', (text, kind) => {
    expect(matchIntent(text)?.kind).toBe(kind);
  });

  it.each([
    ['ติดตามG2570-0001', 'G2570-0001'],
    ['ติดตาม g2570-1', 'G2570-0001'],
    ['ขอติดตามเรื่อง C2570-0012 ครับ', 'C2570-0012'],
    ['สถานะเรื่อง G๒๕๗๐-๐๐๐๓', 'G2570-0003'],
    ['G2570-0004', 'G2570-0004'],
  ])('%s → track %s', (text, no) => {
    expect(matchIntent(text)).toEqual({ kind: 'track', trackingNo: no });
  });

  it.each(['ขอบคุณครับ', 'โอเค', '555', 'ถนนหน้าบ้านเป็นหลุม', '', '   '])('"%s" asks for nothing', (text) => {
    expect(matchIntent(text)).toBeNull();
  });

  it('puts the narrower phrase first: a complaint statistic is not a complaint, an export is not a report', () => {
    expect(matchIntent('สถิติร้องเรียนปีนี้')?.kind).toBe('complaintStats');
    expect(matchIntent('ส่งออกรายงานรอบ 6 เดือน')?.kind).toBe('exportReport');
    expect(matchIntent('เรื่องที่ร้องเรียนไว้')?.kind).toBe('myCases');
  });
});

describe('exact commands, which also work inside a dialog', () => {
  it('reads a tracking number written without a space, in either digit style', () => {
    expect(parseCommand('ติดตามG2570-0001')).toEqual({ kind: 'track', trackingNo: 'G2570-0001' });
    expect(parseCommand('ติดตาม G๒๕๗๐-๐๐๐๑')).toEqual({ kind: 'track', trackingNo: 'G๒๕๗๐-๐๐๐๑' });
    expect(parseCommand('ติดตาม')).toEqual({ kind: 'track', trackingNo: null });
  });

  it('does not take a sentence that starts with the word for a command', () => {
    expect(parseCommand('ติดตามผลการประชุมแล้ว')).toBeNull();
    expect(parseCommand('รายงานผลการประชุมคณะทำงาน')).toBeNull();
    expect(parseCommand('อยากร้องเรียนเรื่องถนน')).toBeNull();
  });

  it('finds a tracking number anywhere in a text, or says there is none', () => {
    expect(trackingNumberIn('เลขที่ c 2570 - 12 ค่ะ')).toBe('C2570-0012');
    expect(trackingNumberIn('ไม่มีเลขที่')).toBeNull();
  });
});
