import { describe, expect, it } from 'vitest';
import { savedCard } from '../../src/features/report/cards.js';
import type { TimelineEntry } from '../../src/domain/complaints.js';
import { mayOpenComplaintEvidence, mayOpenProgressEvidence, servedAs, type EvidenceFileInfo, type Viewer } from '../../src/domain/evidence.js';
import { caseCard, handlerTimelineTexts } from '../../src/flex/complaint-messages.js';
import { evidenceMessages } from '../../src/flex/evidence-messages.js';
import { limitViolations } from '../../src/line/limits.js';
import { parsePostbackData } from '../../src/line/postback.js';
import { uriOf, visibleText } from '../support/chat.js';
import { aMeasureView } from '../support/measure-view.js';
import { aComplaint } from '../support/complaint.js';

const staff = (lineUserId: string, ...roles: Viewer['roles'][number][]): Viewer => ({ lineUserId, isStaff: true, roles });
const citizen: Viewer = { lineUserId: 'U-citizen', isStaff: false, roles: [] };

describe('who may open evidence', () => {
  const report = { reporterLineUserId: 'U-reporter' };
  it('a progress report: its reporter, executives, admins and integrity officers, nobody else', () => {
    expect(mayOpenProgressEvidence(staff('U-reporter', 'officer'), report)).toBe(true);
    expect(mayOpenProgressEvidence(staff('U-exec', 'executive'), report)).toBe(true);
    expect(mayOpenProgressEvidence(staff('U-admin', 'admin'), report)).toBe(true);
    expect(mayOpenProgressEvidence(staff('U-legal', 'integrity_officer'), report)).toBe(true);
    expect(mayOpenProgressEvidence(staff('U-other', 'officer'), report)).toBe(false);
    expect(mayOpenProgressEvidence(staff('U-desk', 'complaint_officer'), report)).toBe(false);
    expect(mayOpenProgressEvidence(citizen, report)).toBe(false);
    // A reporter whose staff account was revoked is a citizen again.
    expect(mayOpenProgressEvidence({ lineUserId: 'U-reporter', isStaff: false, roles: [] }, report)).toBe(false);
  });

  it('a complaint: only the handlers of its channel, never executives or the other channel', () => {
    expect(mayOpenComplaintEvidence(staff('U1', 'complaint_officer'), 'general')).toBe(true);
    expect(mayOpenComplaintEvidence(staff('U1', 'complaint_officer'), 'corruption')).toBe(false);
    expect(mayOpenComplaintEvidence(staff('U2', 'integrity_officer'), 'corruption')).toBe(true);
    expect(mayOpenComplaintEvidence(staff('U2', 'integrity_officer'), 'general')).toBe(false);
    expect(mayOpenComplaintEvidence(staff('U3', 'executive', 'admin'), 'general')).toBe(false);
    expect(mayOpenComplaintEvidence(citizen, 'general')).toBe(false);
  });
});

describe('how a file is served', () => {
  it('shows common pictures inline and makes everything else a download with its name', () => {
    expect(servedAs({ lineMessageId: '1', fileName: null, contentType: 'image/jpeg' })).toEqual({ contentType: 'image/jpeg', inline: true, fileName: 'evidence-1.jpg' });
    expect(servedAs({ lineMessageId: '2', fileName: 'สัญญา.pdf', contentType: 'application/pdf' })).toEqual({ contentType: 'application/pdf', inline: false, fileName: 'สัญญา.pdf' });
    expect(servedAs({ lineMessageId: '3', fileName: 'x.html', contentType: 'text/html; charset=utf-8' }).inline).toBe(false);
    expect(servedAs({ lineMessageId: '4', fileName: null, contentType: 'image/svg+xml' }).inline).toBe(false);
    expect(servedAs({ lineMessageId: '5', fileName: null, contentType: null })).toEqual({ contentType: 'application/octet-stream', inline: false, fileName: 'evidence-5.bin' });
  });
});

const photo = (id: string, size = 200_000): EvidenceFileInfo => ({ lineMessageId: id, kind: 'image', fileName: null, contentType: 'image/jpeg', size, stored: true });
const url = (id: string, base = 'https://bot.example') => `${base}/evidence/token-${id}`;

describe('evidence as LINE messages', () => {
  it('sends photos as image messages over HTTPS, the place as a location, and the rest as buttons under a closing message', () => {
    const pdf: EvidenceFileInfo = { lineMessageId: 'f', kind: 'file', fileName: 'ใบเสร็จ.pdf', contentType: 'application/pdf', size: 50_000, stored: true };
    const big = photo('big', 3_000_000);
    const lost: EvidenceFileInfo = { lineMessageId: 'x', kind: 'image', fileName: null, contentType: null, size: null, stored: false };
    const files = [photo('a'), photo('b'), photo('c'), photo('d'), pdf, big, lost].map((file) => ({ file, url: file.stored ? url(file.lineMessageId) : null }));
    const messages = evidenceMessages({
      heading: 'หลักฐานของเรื่อง G2569-0001',
      files,
      place: { title: 'ศาลาประชาคมหมู่ 3', address: 'ต.บ้านใหม่', latitude: 13.75, longitude: 100.5 },
      minutes: 30,
      quickReplies: [{ type: 'action', action: { type: 'postback', label: 'ดูบันทึกทั้งหมด', data: 'a=cp.log&c=1' } }],
    }) as any[];
    expect(messages.map((m) => m.type)).toEqual(['image', 'image', 'image', 'location', 'flex']);
    expect(messages[0]).toEqual({ type: 'image', originalContentUrl: url('a'), previewImageUrl: url('a') });
    expect(messages[3]).toMatchObject({ title: 'ศาลาประชาคมหมู่ 3', latitude: 13.75, longitude: 100.5 });
    const closing = visibleText([messages[4]]);
    // The signed addresses are behind short buttons, never written out.
    expect(closing).not.toContain('/evidence/');
    expect(uriOf([messages[4]], 'เปิดรูปภาพ 4')).toBe(url('d'));
    expect(uriOf([messages[4]], 'เปิดไฟล์ 5')).toBe(url('f'));
    expect(uriOf([messages[4]], 'เปิดรูปภาพ 6')).toBe(url('big'));
    expect(closing).toContain('"ใบเสร็จ.pdf"');
    expect(closing).toContain('ไม่มีสำเนาในระบบ');
    expect(closing).toContain('30 นาที');
    expect(messages[4].quickReply.items).toHaveLength(1);
    for (const m of messages) expect(limitViolations(m)).toEqual([]);
  });

  it('sends only buttons when the bot is not served over HTTPS, and a map search for a typed place within the organisation\'s area', () => {
    const messages = evidenceMessages({
      heading: 'หลักฐาน',
      files: [{ file: photo('a'), url: url('a', 'http://localhost:3000') }],
      place: { title: 'หน้าวัดบ้านใหม่', address: '', latitude: null, longitude: null },
      minutes: 30,
      area: ['ตำบลโพธิ์ทอง', 'อำเภอโพธิ์ทอง', 'จังหวัดอ่างทอง'],
    }) as any[];
    expect(messages).toHaveLength(1);
    expect(uriOf(messages, 'เปิดรูปภาพ 1')).toBe('http://localhost:3000/evidence/token-a');
    const map = uriOf(messages, 'ค้นหาบนแผนที่');
    expect(map.startsWith('https://www.google.com/maps/search/?api=1&query=')).toBe(true);
    expect(decodeURIComponent(map.split('query=')[1]!)).toBe('หน้าวัดบ้านใหม่ ตำบลโพธิ์ทอง อำเภอโพธิ์ทอง จังหวัดอ่างทอง');
    expect(visibleText(messages)).not.toContain('google.com');
    expect(limitViolations(messages[0])).toEqual([]);
  });

  it('keeps a long typed place\'s map link within LINE\'s 1,000 characters, and does not repeat the area the citizen wrote', () => {
    const long = 'ซอยข้างตลาดสดเทศบาลตรงข้ามร้านก๋วยเตี๋ยวเรือเจ๊แดงเลยไปประมาณสองร้อยเมตรมีหลุมใหญ่กลางถนน '.repeat(5);
    const [closing] = evidenceMessages({ heading: 'หลักฐาน', files: [], place: { title: long, address: 'อำเภอโพธิ์ทอง 🙏', latitude: null, longitude: null }, minutes: 30, area: ['ตำบลโพธิ์ทอง', 'อำเภอโพธิ์ทอง', 'จังหวัดอ่างทอง'] }) as any[];
    const map = uriOf([closing], 'ค้นหาบนแผนที่');
    expect(map.length).toBeLessThanOrEqual(1_000);
    const query = decodeURIComponent(map.split('query=')[1]!);
    expect(query.startsWith('ซอยข้างตลาดสด')).toBe(true);
    expect(query.endsWith('ตำบลโพธิ์ทอง จังหวัดอ่างทอง')).toBe(true);
    expect(query.match(/อำเภอโพธิ์ทอง/g) ?? []).toHaveLength(0);
    expect(limitViolations(closing)).toEqual([]);
  });

  it('says so when there is nothing attached', () => {
    const messages = evidenceMessages({ heading: 'หลักฐาน', files: [], minutes: 30 }) as any[];
    expect(messages).toEqual([{ type: 'text', text: 'หลักฐาน\nไม่มีรูปภาพหรือไฟล์แนบ' }]);
  });
});

const complaint = aComplaint({ status: 'in_progress' });

const actionsOf = (node: unknown): string[] => JSON.stringify(node).match(/a=[\w.]+/g) ?? [];

describe('the case card and the handlers timeline', () => {
  it('offers the evidence when there is some, and the notes directly when there is none', () => {
    const now = new Date('2025-11-05T03:00:00Z');
    expect(actionsOf(caseCard({ ...complaint, attachments: [{ kind: 'image', lineMessageId: '1', fileName: null }] }, now))).toContain('a=cp.ev');
    expect(actionsOf(caseCard({ ...complaint, location: { title: 'วัด', address: '', latitude: null, longitude: null } }, now))).toContain('a=cp.ev');
    const bare = actionsOf(caseCard(complaint, now));
    expect(bare).toContain('a=cp.log');
    expect(bare).not.toContain('a=cp.ev');
  });

  it('shows internal notes, marked as such, and keeps a long timeline within one reply', () => {
    const at = new Date('2025-11-02T03:00:00Z');
    const entries: TimelineEntry[] = [
      { at, type: 'submitted', status: 'received', text: null, public: true },
      { at, type: 'note', status: null, text: 'โทรประสานกองช่างแล้ว', public: false },
      { at, type: 'status', status: 'in_progress', text: 'ส่งช่างไปตรวจสอบ', public: true },
    ];
    const [only] = handlerTimelineTexts(complaint, entries);
    expect(only).toContain('บันทึกภายใน · ภายใน\n  โทรประสานกองช่างแล้ว');
    expect(only).toContain('เปลี่ยนสถานะเป็น "อยู่ระหว่างดำเนินการ" · ผู้ร้องเห็น');
    const long = Array.from({ length: 40 }, (_, i): TimelineEntry => ({ at, type: 'note', status: null, text: `${i}`.padEnd(2_000, 'ก'), public: false }));
    const texts = handlerTimelineTexts(complaint, long);
    expect(texts).toHaveLength(5);
    expect(texts[4]).toContain('39ก');
    for (const t of texts) expect(limitViolations({ type: 'text', text: t })).toEqual([]);
  });
});

describe('the saved report card', () => {
  const m = aMeasureView({ id: '65f0c0ffee00000000000001', code: 'EP-01', title: 'โครงการ' });
  const draft = { draftId: 'd', measureId: m.id, status: 'in_progress' as const, summary: 'ทำแล้ว', attachments: [] };
  const at = new Date('2025-04-01T02:00:00Z');
  const reporter = { displayName: 'สมศรี', unit: null };

  it('has a button to the evidence, naming the report by measure and moment, only when evidence was sent', () => {
    expect((savedCard(draft, m, at, reporter) as any).contents.footer).toBeUndefined();
    const card = savedCard({ ...draft, attachments: [{ kind: 'image', lineMessageId: '1', fileName: null }] }, m, at, reporter) as any;
    const action = card.contents.footer.contents[0].action;
    expect(action.label).toBe('ดูหลักฐาน');
    expect(parsePostbackData(action.data)).toEqual({ action: 'rp.ev', params: { m: m.id, t: String(at.getTime()) } });
    expect(limitViolations(card)).toEqual([]);
  });
});
