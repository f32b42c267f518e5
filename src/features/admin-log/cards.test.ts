import { describe, expect, it } from 'vitest';
import { CLI_ACTOR, type AuditEntry } from '../../domain/admin-audit.js';
import { auditCsv } from '../../domain/admin-audit-csv.js';
import { figures } from '../../domain/figures.js';
import { limitViolations } from '../../line/limits.js';
import { auditEntryText, auditPage } from './cards.js';

const entry = (over: Partial<AuditEntry> = {}): AuditEntry => ({
  id: '6751a0b2c3d4e5f60718293a',
  at: new Date('2026-12-05T07:05:00Z'),
  action: 'settings.change',
  actor: { via: 'line', staffId: 's1', name: 'นายสมชาย ใจดี' },
  subject: 'วันแจ้งเตือนรอบรายงาน',
  before: '7, 1',
  after: '14, 3',
  ...over,
});

describe('a line of the management log in the chat', () => {
  it('reads when, who and how, what, and before → after, with the bot’s dates in the organisation’s digits', () => {
    expect(auditEntryText(entry(), figures())).toBe('5 ธ.ค. 2569 14:05 น. โดย นายสมชาย ใจดี ทาง LINE\nเปลี่ยนการตั้งค่า: วันแจ้งเตือนรอบรายงาน\n7, 1 → 14, 3');
    // What was typed keeps its digits; only the bot's own date changes style.
    expect(auditEntryText(entry(), figures('thai'))).toBe('๕ ธ.ค. ๒๕๖๙ ๑๔:๐๕ น. โดย นายสมชาย ใจดี ทาง LINE\nเปลี่ยนการตั้งค่า: วันแจ้งเตือนรอบรายงาน\n7, 1 → 14, 3');
    expect(auditEntryText(entry({ action: 'staff.invite', actor: CLI_ACTOR, subject: 'ผู้ได้รับเชิญ', before: '', after: 'ผู้บริหาร' }), figures())).toBe('5 ธ.ค. 2569 14:05 น. โดย ผู้ดูแลระบบ (คำสั่ง)\nเชิญเจ้าหน้าที่: ผู้ได้รับเชิญ\nเป็น ผู้บริหาร');
  });

  it('says so when there is nothing yet, or nothing older, and offers the home card back', () => {
    const empty = auditPage([], false, figures()) as any;
    expect(empty.text).toContain('ยังไม่มีบันทึกการจัดการ');
    expect(auditPage([], true, figures())).toMatchObject({ text: 'ไม่มีบันทึกก่อนหน้านี้แล้ว' });
    expect(empty.quickReply.items.map((i: any) => i.action.text)).toEqual(['จัดการ']);
  });

  it('cuts a page short of LINE’s text limit when lines are long, and offers the rest', () => {
    const huge = (i: number) => entry({ id: `6751a0b2c3d4e5f6071829${10 + i}`, subject: `${i} ${'ช'.repeat(5000)}`, before: 'ก'.repeat(5000), after: 'ข'.repeat(5000) });
    const page = auditPage([1, 2, 3, 4, 5, 6, 7].map(huge), false, figures()) as any;
    expect(limitViolations(page)).toEqual([]);
    const shown = page.text.split('\n\n').length - 1;
    expect(shown).toBeGreaterThan(1);
    expect(shown).toBeLessThan(7);
    // "ก่อนหน้านี้" starts after the last line shown.
    expect(page.quickReply.items[0].action.data).toContain(`i=6751a0b2c3d4e5f6071829${10 + shown}`);
    expect((page as any).quickReply.items.map((i: any) => i.action.label)).toEqual(['ก่อนหน้านี้', 'จัดการ']);
  });
});

describe('the management log as CSV', () => {
  it('starts with the byte-order mark and a Thai header, writes Bangkok time, and quotes what needs quoting', () => {
    const csv = auditCsv([entry({ subject: 'เกณฑ์, ระดับ', before: 'มี "คำพูด"', after: '+66 81' })]);
    expect(csv.startsWith('\uFEFFวันเวลา (เวลาประเทศไทย),ช่องทาง,ผู้ดำเนินการ,การดำเนินการ,รายการ,ค่าเดิม,ค่าใหม่\r\n')).toBe(true);
    expect(csv.split('\r\n')[1]).toBe('2026-12-05 14:05:00,LINE,นายสมชาย ใจดี,เปลี่ยนการตั้งค่า,"เกณฑ์, ระดับ","มี ""คำพูด""",\'+66 81');
    expect(auditCsv([entry({ before: '-', after: '-5' })]).split('\r\n')[1]).toMatch(/,-,-5$/);
  });
});
