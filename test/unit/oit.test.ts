import { describe, expect, it } from 'vitest';
import { continueOitAnswer, parseAvailable, pickOitItem, type Facts, type OitAnswerEffect } from '../../src/features/oit/dialog.js';
import { approveOitItem, continueReturn, startReturn, type Facts as ReviewFacts } from '../../src/features/oit-review/dialog.js';
import type { DialogInput, Outcome } from '../../src/dialogs/types.js';
import { daysBeforeItasCloses, groupOitItems, inItasWindow, isOitReminderDay, judgePage, oitCheckResult, oitGroupsOf, oitIndicatorOfNumber, oitItemStatus, oitState, parseOitCode, parsePublicUrl, type OitItem } from '../../src/domain/oit.js';
import { oitOwnerCard, oitOwnerCarousel, oitReminderMessages, oitReviewCarousel } from '../../src/flex/oit-cards.js';
import { limitViolations } from '../../src/line/limits.js';

import { readTable } from '../../src/plan-import/read-table.js';
import { validateIndicators, validateOitItems } from '../../src/oit-import/import-oit.js';
import { OIT_ACTIONS } from '../../src/features/oit/actions.js';

const bkk = (local: string) => new Date(`${local}+07:00`);
const item: OitItem = {
  id: 'i1',
  fiscalYear: 2567,
  code: 'O5',
  number: 5,
  title: 'ข่าวประชาสัมพันธ์',
  description: 'ข่าวสารเกี่ยวกับการดำเนินงานตามอำนาจหน้าที่ในปี พ.ศ. 2567',
  indicator: 9,
  responsibleUnits: ['สำนักปลัด'],
  assignees: [],
  guideline: null,
  guidelinePeriod: null,
  answer: null,
  review: null,
  urlCheck: null,
  brokenSince: null,
};
const facts: Facts = { now: bkk('2024-02-01T10:00:00'), staff: { lineUserId: 'U1', displayName: 'สมศรี', roles: ['officer'], unit: 'สำนักปลัด' }, item, eventId: 'evt-1' };
const say = (t: string): DialogInput => ({ kind: 'text', text: t });
const has = (v: '1' | '0'): DialogInput => ({ kind: 'postback', action: OIT_ACTIONS.oitAvailable.name, params: { v } });
const textOf = (o: Outcome<unknown>) => o.replies.map((m) => ('text' in m ? m.text : '')).join('\n');

function walk(f: Facts, ...inputs: DialogInput[]): Outcome<OitAnswerEffect>[] {
  const outcomes = [pickOitItem(f)];
  for (const input of inputs) outcomes.push(continueOitAnswer(outcomes[outcomes.length - 1]!.state as never, input, f));
  return outcomes;
}
const stepOf = (o: Outcome<unknown>) => (o.state as { step?: string } | null | undefined)?.step ?? null;

describe('the owner answers an OIT item', () => {
  it('มี → address (a bad one is asked again) → evidence and explanation → confirm saves the answer', () => {
    const o = walk(
      facts,
      has('1'),
      say('เว็บของเรา'),
      say('www.example.go.th/news/5'),
      { kind: 'media', mediaKind: 'image', messageId: 'm-1', fileName: null },
      say('อยู่ในเมนูข่าวประชาสัมพันธ์'),
    );
    expect(textOf(o[0]!)).toContain('O5 ข่าวประชาสัมพันธ์');
    expect(textOf(o[0]!)).toContain('สิ่งที่ต้องแสดง');
    expect(o.map(stepOf)).toEqual(['available', 'url', 'url', 'explanation', 'explanation', 'confirm']);
    expect(textOf(o[2]!)).toContain('ลิงก์นี้ใช้ไม่ได้');
    expect(o[4]!.effects).toEqual([{ type: 'storeAttachment', attachment: { kind: 'image', lineMessageId: 'm-1', fileName: null } }]);
    expect(textOf(o[5]!)).toContain('ลิงก์: https://www.example.go.th/news/5');
    const saved = continueOitAnswer(o[5]!.state as never, { kind: 'postback', action: OIT_ACTIONS.oitConfirm.name, params: { d: 'evt-1' } }, facts);
    expect(saved.state).toBeNull();
    expect(textOf(saved)).toContain('บันทึกคำตอบแล้ว');
    expect(textOf(saved)).toContain('ระบบ ITAS ซึ่งปิดวันที่ 30 เม.ย. 2567');
    expect(saved.effects).toEqual([
      { type: 'saveOitAnswer', itemId: 'i1', answer: { available: true, url: 'https://www.example.go.th/news/5', explanation: 'อยู่ในเมนูข่าวประชาสัมพันธ์', attachments: [{ kind: 'image', lineMessageId: 'm-1', fileName: null }] } },
    ]);
    for (const outcome of [...o, saved]) for (const m of outcome.replies) expect(limitViolations(m)).toEqual([]);
  });

  it('ไม่มี skips the address; the explanation may be skipped; a typed ยืนยัน confirms', () => {
    const o = walk(facts, say('ยังไม่มีครับ'), say('ข้าม'), say('ยืนยัน'));
    expect(o.map(stepOf)).toEqual(['available', 'explanation', 'confirm', null]);
    expect(textOf(o[1]!)).toContain('เหตุที่ยังไม่มีข้อมูล');
    expect(o[3]!.effects).toEqual([{ type: 'saveOitAnswer', itemId: 'i1', answer: { available: false, url: null, explanation: null, attachments: [] } }]);
  });

  it('offers the old address, and tells the owner when an unchanged answer keeps its sign-off', () => {
    const answered: OitItem = {
      ...item,
      answer: { version: 'v1', available: true, url: 'https://www.example.go.th/news/5', explanation: null, attachments: [], answeredBy: 'U1', answeredByName: 'สมศรี', answeredAt: bkk('2024-01-10T10:00:00') },
      review: { version: 'v1', decision: 'approved', note: null, reviewedBy: 'U9', reviewerName: 'หัวหน้าสำนักปลัด', reviewedAt: bkk('2024-01-11T10:00:00') },
    };
    const f = { ...facts, item: answered };
    const o = walk(f, has('1'), say('ใช้ลิงก์เดิม'), say('ข้าม'), say('ยืนยัน'));
    expect(textOf(o[1]!)).toContain('ลิงก์เดิม: https://www.example.go.th/news/5');
    expect(textOf(o[4]!)).toContain('ผลการตรวจสอบที่ผ่านแล้วยังคงอยู่');
    const changed = walk(f, has('1'), say('https://www.example.go.th/news/6'), say('ข้าม'), say('ยืนยัน'));
    expect(textOf(changed[4]!)).toContain('ผู้ตรวจสอบข้อมูลจะตรวจคำตอบนี้');
  });

  it('a stale confirm button saves nothing; an item no longer theirs ends the dialog', () => {
    const o = walk(facts, has('0'), say('ข้าม'));
    const stale = continueOitAnswer(o[2]!.state as never, { kind: 'postback', action: OIT_ACTIONS.oitConfirm.name, params: { d: 'older' } }, facts);
    expect(stale.effects).toBeUndefined();
    expect(textOf(stale)).toContain('ปุ่มนี้เป็นของรายการเก่า');
    expect(continueOitAnswer(o[1]!.state as never, say('x'), { ...facts, item: null }).state).toBeNull();
  });

  it('reads มี/ไม่มี as people type them', () => {
    expect(['มี', 'มีครับ', 'มี ค่ะ'].map(parseAvailable)).toEqual([true, true, true]);
    expect(['ไม่มี', 'ยังไม่มี', 'ไม่'].map(parseAvailable)).toEqual([false, false, false]);
    expect(parseAvailable('อาจจะ')).toBeNull();
  });
});

describe('the reviewer', () => {
  const answered: OitItem = {
    ...item,
    answer: { version: 'v2', available: true, url: 'https://a.go.th/x', explanation: null, attachments: [], answeredBy: 'U1', answeredByName: 'สมศรี', answeredAt: bkk('2024-01-10T10:00:00') },
  };
  const rf: ReviewFacts = { now: bkk('2024-01-12T10:00:00'), reviewer: { lineUserId: 'U9', displayName: 'หัวหน้าสำนักปลัด', roles: ['reviewer'], unit: 'สำนักปลัด' }, item: answered };

  it('passes the answer it saw, and refuses to pass one that has changed since', () => {
    const ok = approveOitItem('v2', rf);
    expect(ok.effects?.[0]).toMatchObject({ type: 'saveReview', review: { version: 'v2', decision: 'approved', reviewerName: 'หัวหน้าสำนักปลัด' } });
    const stale = approveOitItem('v1', rf);
    expect(stale.effects).toBeUndefined();
    expect(textOf(stale)).toContain('เปลี่ยนไปแล้ว');
  });

  it('sends back with a note that is meant for the owner', () => {
    const asked = startReturn('v2', rf);
    expect(textOf(asked)).toContain('พิมพ์สิ่งที่ต้องแก้ไขในข้อ O5');
    const done = continueReturn(asked.state as never, say('ลิงก์ต้องชี้ไปที่ข่าวปี 2567'), rf);
    expect(done.effects?.[0]).toMatchObject({ review: { decision: 'returned', note: 'ลิงก์ต้องชี้ไปที่ข่าวปี 2567' }, notifyOwner: true });
  });

  it('a sign-off counts only for the answer it named', () => {
    const review = { version: 'v2', decision: 'approved' as const, note: null, reviewedBy: 'U9', reviewerName: '', reviewedAt: rf.now };
    expect(oitState({ answer: null, review: null })).toBe('unanswered');
    expect(oitState({ answer: answered.answer, review })).toBe('approved');
    expect(oitState({ answer: { ...answered.answer!, version: 'v3' }, review })).toBe('waiting');
    expect(oitState({ answer: answered.answer, review: { ...review, decision: 'returned' } })).toBe('returned');
  });
});

describe('an OIT item in the indicator table (seed 002)', () => {
  const answer = { version: 'v1', available: true, url: 'https://example.go.th/o5', explanation: null, attachments: [], answeredBy: 'U1', answeredByName: 'สมศรี', answeredAt: bkk('2024-02-01T10:00:00') };
  const review = (decision: 'approved' | 'returned', version = 'v1') => ({ version, decision, note: null, reviewedBy: 'U2', reviewerName: 'หัวหน้า', reviewedAt: bkk('2024-02-02T10:00:00') });

  it('is done only once an answer มี is approved; any other answer is under way; no answer, not started', () => {
    expect(oitItemStatus(item)).toBe('not_started');
    expect(oitItemStatus({ answer, review: null })).toBe('in_progress');
    expect(oitItemStatus({ answer, review: review('returned') })).toBe('in_progress');
    // A sign-off on an earlier version of the answer does not count for the new one.
    expect(oitItemStatus({ answer, review: review('approved', 'v0') })).toBe('in_progress');
    expect(oitItemStatus({ answer: { ...answer, available: false }, review: review('approved') })).toBe('in_progress');
    expect(oitItemStatus({ answer, review: review('approved') })).toBe('completed');
  });

  it('belongs to indicator 9 up to O25 and to 10 after, when only its code is known', () => {
    expect([1, 24, 25, 26, 32, 35].map(oitIndicatorOfNumber)).toEqual([9, 9, 9, 10, 10, 10]);
  });
});

describe('the ITAS calendar and the link rules', () => {
  it('the window of FY 2567 is 1 January – 30 April 2024, Bangkok time', () => {
    expect(inItasWindow(bkk('2023-12-31T23:59:59'), 2567)).toBe(false);
    expect(inItasWindow(bkk('2024-01-01T00:00:00'), 2567)).toBe(true);
    expect(inItasWindow(bkk('2024-04-30T23:59:59'), 2567)).toBe(true);
    expect(inItasWindow(bkk('2024-05-01T00:00:00'), 2567)).toBe(false);
    expect(daysBeforeItasCloses(bkk('2024-04-23T09:00:00'), 2567)).toBe(7);
  });

  it('reminds on Mondays of the window and on the last days before it closes', () => {
    const days = [7, 3, 1];
    expect(isOitReminderDay(bkk('2024-01-08T09:00:00'), 2567, days)).toBe(true); // Monday
    expect(isOitReminderDay(bkk('2024-01-09T09:00:00'), 2567, days)).toBe(false);
    expect(isOitReminderDay(bkk('2024-04-27T09:00:00'), 2567, days)).toBe(true); // 3 days before
    expect(isOitReminderDay(bkk('2024-05-06T09:00:00'), 2567, days)).toBe(false); // Monday after
  });

  it('leaves out a weekly reminder within three days of a countdown one, which says the same', () => {
    const days = [7, 3, 1];
    expect(isOitReminderDay(bkk('2024-04-15T09:00:00'), 2567, days)).toBe(true); // Monday, 15 days before
    expect(isOitReminderDay(bkk('2024-04-22T09:00:00'), 2567, days)).toBe(false); // Monday, the day before 7 days before
    expect(isOitReminderDay(bkk('2024-04-29T09:00:00'), 2567, days)).toBe(true); // Monday and 1 day before: once
    expect(isOitReminderDay(bkk('2024-04-22T09:00:00'), 2567, [])).toBe(true); // no countdown: every Monday
  });

  it('judges pages: errors and blank pages are broken, content is not', () => {
    expect(judgePage(404, 'text/html', '<p>ไม่พบ</p>')).toEqual({ ok: false, problem: 'http_error' });
    expect(judgePage(200, 'text/html', '<html><head><title></title><script>x()</script></head><body> &nbsp; </body></html>')).toEqual({ ok: false, problem: 'empty' });
    expect(judgePage(200, 'text/html', '<html><body><h1>ข่าวประชาสัมพันธ์</h1></body></html>')).toEqual({ ok: true, problem: null });
    expect(judgePage(200, 'application/pdf', '%PDF-1.7')).toEqual({ ok: true, problem: null });
  });

  it('reads item codes and web addresses as people type them', () => {
    expect(['O1', 'o 12', '01', '๐๑', '035'].map((t) => parseOitCode(t)?.code)).toEqual(['O1', 'O12', 'O1', 'O1', 'O35']);
    expect(parseOitCode('ข้อหนึ่ง')).toBeNull();
    expect(parsePublicUrl('www.phothong.go.th/news')).toBe('https://www.phothong.go.th/news');
    expect(parsePublicUrl('javascript:alert(1)')).toBeNull();
    expect(parsePublicUrl('ไม่รู้')).toBeNull();
  });
});

describe('the example files', () => {
  it('the OIT list of seed 000 has O1–O35, indicators 9 and 10, each with an owner', async () => {
    const { items, problems } = validateOitItems(await readTable('examples/oit-2567.csv'));
    expect(problems).toEqual([]);
    expect(items.map((i) => i.code)).toEqual(Array.from({ length: 35 }, (_, i) => `O${i + 1}`));
    expect(items.filter((i) => i.indicator === 9)).toHaveLength(25);
    expect(items.find((i) => i.code === 'O14')).toMatchObject({ title: 'รายงานการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ', responsibleUnits: ['กองคลัง'] });
  });

  it('the indicator table of seed 002 has the ten scores', async () => {
    const { rows, problems } = validateIndicators(await readTable('examples/ita-indicators-2566.csv'));
    expect(problems).toEqual([]);
    expect(rows.map((i) => i.score)).toEqual([91.46, 81.48, 95.11, 81.29, 88.24, 74.73, 67.86, 66.98, 15.75, 0]);
  });

  it('lists every problem by row and column', () => {
    const { problems } = validateOitItems({
      headers: ['ข้อ', 'ตัวชี้วัด', 'ข้อมูล', 'หน่วยงานรับผิดชอบ', 'ปีงบประมาณ'],
      rows: [
        { rowNumber: 2, cells: { ข้อ: 'X', ตัวชี้วัด: '7', ข้อมูล: '', หน่วยงานรับผิดชอบ: '', ปีงบประมาณ: '67' } },
      ],
    });
    expect(problems.map((p) => p.column).sort()).toEqual(['ข้อ', 'ข้อมูล', 'ตัวชี้วัด', 'ปีงบประมาณ', 'หน่วยงานรับผิดชอบ'].sort());
  });
});

describe('OIT cards stay within LINE limits with the longest answers', () => {
  it('lists, review lists and reminders of a 43-item form with 2,000-character explanations', () => {
    const long = 'ก'.repeat(2_000);
    const items: OitItem[] = Array.from({ length: 43 }, (_, n) => ({
      ...item,
      id: `i${n}`,
      code: `O${n + 1}`,
      title: 'ข'.repeat(500),
      answer: { version: `v${n}`, available: true, url: `https://www.example.go.th/${'x'.repeat(950)}`, explanation: long, attachments: [], answeredBy: 'U1', answeredByName: 'ค'.repeat(100), answeredAt: bkk('2024-01-10T10:00:00') },
      review: { version: `v${n}`, decision: 'returned', note: long, reviewedBy: 'U9', reviewerName: 'ง', reviewedAt: bkk('2024-01-11T10:00:00') },
      urlCheck: { checkedAt: bkk('2024-01-12T06:00:00'), url: 'x', ok: false, httpStatus: 404, problem: 'http_error' },
      brokenSince: bkk('2024-01-12T06:00:00'),
    }));
    const messages = [
      ...[1, 2, 3, 4, 5].flatMap((p) => [oitOwnerCarousel(items, p), oitReviewCarousel(items, p)]),
      ...oitReminderMessages('เตือน', items, oitOwnerCard, 'OIT'),
    ];
    for (const m of messages) expect(limitViolations(m)).toEqual([]);
  });
});

describe('the OIT form\'s groups (seed 003, ITAS)', () => {
  const list = (last: number, firstOf10: number) => Array.from({ length: last }, (_, i) => ({ number: i + 1, indicator: (i + 1 >= firstOf10 ? 10 : 9) as 9 | 10 }));

  it('knows seed 003\'s 43-item form and the 35-item form of 2567 on, by their last item and indicator 10\'s first', () => {
    expect(oitGroupsOf(list(43, 34))!.map((g) => `${g.code} ${g.name} O${g.first}–O${g.last}`)).toEqual([
      '9.1 ข้อมูลพื้นฐาน O1–O10',
      '9.2 การบริหารงาน O11–O17',
      '9.3 การบริหารเงินงบประมาณ O18–O24',
      '9.4 การบริหารและพัฒนาทรัพยากรบุคคล O25–O28',
      '9.5 การส่งเสริมความโปร่งใส O29–O33',
      '10.1 การดำเนินการเพื่อป้องกันการทุจริต O34–O41',
      '10.2 มาตรการภายในเพื่อป้องกันการทุจริต O42–O43',
    ]);
    expect(oitGroupsOf(list(35, 26))!.map((g) => g.code)).toEqual(['9.1', '9.2', '9.3', '9.4', '9.5', '10.1', '10.2']);
  });

  it('groups an unknown form by indicator only, rather than under headings that may be wrong', () => {
    expect(oitGroupsOf(list(35, 30))).toBeNull();
    expect(oitGroupsOf(list(40, 30))).toBeNull();
    const grouped = groupOitItems(list(40, 30));
    expect(grouped.map((s) => [s.indicator, s.groups.map((g) => [g.group, g.items.length])])).toEqual([
      [9, [[null, 29]]],
      [10, [[null, 11]]],
    ]);
  });

  it('says what the check found in seed 003\'s words', () => {
    const at = new Date('2025-02-01T03:00:00Z');
    const answer = (available: boolean, url: string | null) => ({ available, url, explanation: null, attachments: [], version: 'v1', answeredBy: 'U1', answeredByName: 'ก', answeredAt: at });
    const review = (decision: 'approved' | 'returned', note: string | null = null) => ({ version: 'v1', decision, note, reviewedBy: 'U2', reviewerName: 'ข', reviewedAt: at });
    const url = 'https://www.example.go.th/o1';
    expect(oitCheckResult({ answer: answer(true, url), review: review('approved'), urlCheck: null })).toBe('มีข้อมูลครบถ้วน');
    expect(oitCheckResult({ answer: answer(false, null), review: review('approved'), urlCheck: null })).toBe('ไม่พบข้อมูล');
    expect(oitCheckResult({ answer: answer(true, url), review: review('returned', 'ข้อมูลกฎหมายยังไม่เป็นปัจจุบัน'), urlCheck: null })).toBe('ข้อมูลกฎหมายยังไม่เป็นปัจจุบัน');
    expect(oitCheckResult({ answer: answer(true, url), review: review('returned'), urlCheck: null })).toBe('ข้อมูลยังไม่ครบถ้วน');
    const broken = { checkedAt: at, url, ok: false, httpStatus: 404, problem: 'http_error' as const };
    expect(oitCheckResult({ answer: answer(true, url), review: review('approved'), urlCheck: broken })).toMatch(/^ไม่สามารถเข้าใช้งานได้ /);
    // A check of an address the answer no longer gives says nothing of the new one.
    expect(oitCheckResult({ answer: answer(true, `${url}/new`), review: review('approved'), urlCheck: broken })).toBe('มีข้อมูลครบถ้วน');
    expect(oitCheckResult({ answer: answer(true, url), review: null, urlCheck: null })).toBe('รอตรวจสอบ');
    expect(oitCheckResult({ answer: null, review: null, urlCheck: null })).toBe('ยังไม่ได้ตอบ');
  });
});
