import { addDays, addMinutes } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { askComment, askInformation, continueOwnCase, feedbackEntryText, fixedQuestion, starsQuestion, type FeedbackDraft, type OwnCaseState } from '../../src/features/own-case-actions/dialog.js';
import { MAX_FREE_TEXT } from '../../src/dialogs/free-text.js';
import { askAfterPhotos, askAgency, continueCaseClosure, type CaseClosureState } from '../../src/features/case-closure/dialog.js';
import { clockSuffix, DEFAULT_COMPLAINT_CATEGORIES, mayAddAfterPhotos, mayRate, mayWithdraw, notFixedOutcome, parseCategories } from '../../src/domain/closure.js';
import { closureFacts, ownCaseQuickReplies, trackingText } from '../../src/flex/complaint-messages.js';
import { parsePostbackData } from '../../src/line/postback.js';
import { aComplaint } from '../support/complaint.js';

const texts = (o: { replies: unknown[] }) => o.replies.map((r) => (r as { text?: string }).text ?? '').join('\n');
const image = (id: string) => ({ kind: 'media' as const, mediaKind: 'image' as const, messageId: id, fileName: null });
const say = (text: string) => ({ kind: 'text' as const, text });
const resolvedAt = new Date('2026-01-10T05:00:00Z');

describe('closure rules', () => {
  it('reopens "not fixed" within 15 days of the resolution, twice; then escalates; later it is too late', () => {
    expect(notFixedOutcome(0, resolvedAt, addDays(resolvedAt, 1))).toBe('reopen');
    expect(notFixedOutcome(1, resolvedAt, addDays(resolvedAt, 15))).toBe('reopen');
    expect(notFixedOutcome(2, resolvedAt, addDays(resolvedAt, 3))).toBe('escalate');
    expect(notFixedOutcome(0, resolvedAt, addMinutes(addDays(resolvedAt, 15), 1))).toBe('too_late');
  });

  it('lets a general complaint be rated once per resolution, a corruption report never', () => {
    const resolved = aComplaint({ status: 'resolved', closedAt: resolvedAt });
    expect(mayRate(resolved)).toBe(true);
    expect(mayRate({ ...resolved, kind: 'corruption' })).toBe(false);
    expect(mayRate({ ...resolved, status: 'in_progress', closedAt: null })).toBe(false);
    const rated = { ...resolved, feedback: { stars: 3, comment: null, fixed: false, at: addDays(resolvedAt, 1) } };
    expect(mayRate(rated)).toBe(false);
    // Reopened and resolved again: the earlier rating belongs to the earlier round.
    expect(mayRate({ ...rated, closedAt: addDays(resolvedAt, 5) })).toBe(true);
  });

  it('withdraws only open cases and takes after-fix photos only for cases being or just fixed', () => {
    expect(mayWithdraw(aComplaint({ status: 'received' }))).toBe(true);
    expect(mayWithdraw(aComplaint({ status: 'resolved' }))).toBe(false);
    expect(mayAddAfterPhotos(aComplaint({ status: 'resolved' }))).toBe(true);
    expect(mayAddAfterPhotos(aComplaint({ status: 'forwarded' }))).toBe(false);
  });

  it('keys the 15-day steps of a reopened case apart from the first clock', () => {
    expect(clockSuffix(aComplaint())).toBe('');
    expect(clockSuffix(aComplaint({ reopenCount: 2 }))).toBe(':r2');
  });

  it('reads categories as quick-reply labels: at most 12, 20 characters each, none repeated', () => {
    expect(parseCategories(DEFAULT_COMPLAINT_CATEGORIES.join(','))).toEqual([...DEFAULT_COMPLAINT_CATEGORIES]);
    expect(parseCategories(' ถนน , ไฟฟ้า ')).toEqual(['ถนน', 'ไฟฟ้า']);
    for (const bad of ['', 'ถนน,,ไฟฟ้า', 'ถนน,ถนน', 'ก'.repeat(21), Array.from({ length: 13 }, (_, i) => `ก${i}`).join(',')]) expect(parseCategories(bad), bad).toBeNull();
  });
});

describe("the citizen's closure dialog", () => {
  const c = aComplaint({ status: 'resolved', closedAt: resolvedAt });
  const draft: FeedbackDraft = { complaintId: c.id, trackingNo: c.trackingNo, round: 0, resolvedAt: resolvedAt.toISOString(), stars: 2, fixed: false };

  it('asks for 1–5 stars, then whether it is fixed, each a button carrying the case', () => {
    const stars = starsQuestion(c) as { quickReply: { items: { action: { label: string; data: string } }[] } };
    expect(stars.quickReply.items.map((i) => i.action.label)).toEqual(['★★★★★ ดีมาก', '★★★★ ดี', '★★★ พอใช้', '★★ ควรปรับปรุง', '★ ไม่พอใจ']);
    for (const i of stars.quickReply.items) expect(i.action.label.length).toBeLessThanOrEqual(20);
    expect(parsePostbackData(stars.quickReply.items[0]!.action.data)).toEqual({ action: 'cz.rate', params: { c: c.id, s: '5' } });
    const fixed = fixedQuestion(c, 2) as { quickReply: { items: { action: { label: string; data: string } }[] } };
    expect(fixed.quickReply.items.map((i) => [i.action.label, parsePostbackData(i.action.data).params.f])).toEqual([
      ['แก้ไขแล้ว', '1'],
      ['ยังไม่ได้แก้ไข', '0'],
    ]);
  });

  it('takes an optional comment, then gives one effect and ends', () => {
    const state = askComment(draft).state as OwnCaseState;
    expect(texts(askComment(draft))).toContain('ยังมีปัญหาอะไร');
    expect(continueOwnCase(state, say(' ยังดับอยู่ '))).toEqual({ replies: [], state: null, effects: [{ type: 'submitFeedback', draft, comment: 'ยังดับอยู่' }] });
    expect(continueOwnCase(state, say('ข้าม')).effects).toEqual([{ type: 'submitFeedback', draft, comment: null }]);
    const long = continueOwnCase(state, say('ก'.repeat(MAX_FREE_TEXT + 1)));
    expect(long.state).toBeUndefined();
    expect(long.effects ?? []).toEqual([]);
    expect(continueOwnCase(state, image('m1')).effects ?? []).toEqual([]);
  });

  it('collects up to 5 photos of added information, each copied out of LINE, then sends them with the words', () => {
    let state = askInformation({ complaintId: c.id, trackingNo: c.trackingNo, photos: [] }).state as OwnCaseState;
    for (let n = 1; n <= 5; n++) {
      const o = continueOwnCase(state, image(`m${n}`));
      expect(o.effects).toEqual([{ type: 'storeAttachment', attachment: { kind: 'image', lineMessageId: `m${n}`, fileName: null } }]);
      state = o.state as OwnCaseState;
    }
    expect(texts(continueOwnCase(state, image('m6')))).toContain('ไม่เกิน 5 รูป');
    const done = continueOwnCase(state, say('มีพยานเห็นเหตุการณ์สองคน'));
    expect(done.state).toBeNull();
    expect(done.effects).toEqual([{ type: 'addInformation', draft: { ...state.data }, text: 'มีพยานเห็นเหตุการณ์สองคน' }]);
  });

  it('writes the rating in the timeline as stars, fixed or not, and the words', () => {
    expect(feedbackEntryText(4, true, null)).toBe('★★★★☆ · แก้ไขแล้ว');
    expect(feedbackEntryText(1, false, 'ยังดับ')).toBe('★☆☆☆☆ · ยังไม่ได้แก้ไข · ยังดับ');
  });
});

describe("the handler's closure dialog", () => {
  const draft = { complaintId: 'c1', trackingNo: 'G2569-0003' };

  it('forwards with the agency, then the note for the citizen', () => {
    let state = askAgency(draft).state as CaseClosureState;
    expect(continueCaseClosure(state, image('m')).effects ?? []).toEqual([]);
    const note = continueCaseClosure(state, say('การประปาส่วนภูมิภาค'));
    expect(texts(note)).toContain('ผู้ร้องจะเห็นข้อความนี้');
    state = note.state as CaseClosureState;
    expect(continueCaseClosure(state, say('โทร 1662')).effects).toEqual([{ type: 'forward', draft: { ...draft, agency: 'การประปาส่วนภูมิภาค' }, agency: 'การประปาส่วนภูมิภาค', note: 'โทร 1662' }]);
    expect(texts(continueCaseClosure(askAgency(draft).state as CaseClosureState, say('ก'.repeat(201))))).toContain('ยาวเกิน');
  });

  it('collects after-fix photos and sends them only once there is one', () => {
    let state = askAfterPhotos(draft).state as CaseClosureState;
    expect(continueCaseClosure(state, say('ส่งให้ผู้ร้อง')).effects ?? []).toEqual([]);
    const got = continueCaseClosure(state, image('p1'));
    expect(got.effects).toEqual([{ type: 'storeAttachment', attachment: { kind: 'image', lineMessageId: 'p1', fileName: null } }]);
    state = got.state as CaseClosureState;
    expect(continueCaseClosure(state, { kind: 'media', mediaKind: 'video', messageId: 'v', fileName: null }).effects ?? []).toEqual([]);
    const sent = continueCaseClosure(state, say('ส่งให้ผู้ร้อง'));
    expect(sent.state).toBeNull();
    expect(sent.effects).toEqual([{ type: 'afterPhotos', draft: { ...draft, photos: [{ kind: 'image', lineMessageId: 'p1', fileName: null }] } }]);
  });
});

describe("the citizen's view of closure", () => {
  it('shows forwarding, after-fix photos, the rating and what can be done next', () => {
    const forwarded = aComplaint({ status: 'forwarded', closedAt: resolvedAt, forwardedTo: { agency: 'การไฟฟ้าส่วนภูมิภาค', note: 'โทร 1129' } });
    const view = trackingText(forwarded, []);
    expect(view).toContain('ส่งต่อให้: การไฟฟ้าส่วนภูมิภาค');
    expect(view).toContain('ข้อความจากเจ้าหน้าที่: โทร 1129');
    expect(ownCaseQuickReplies(forwarded)).toEqual([]);
    const rated = aComplaint({ status: 'resolved', closedAt: resolvedAt, afterPhotos: [{ kind: 'image', lineMessageId: 'p', fileName: null }], feedback: { stars: 5, comment: null, fixed: true, at: addDays(resolvedAt, 1) } });
    expect(closureFacts(rated)).toEqual(['ภาพหลังดำเนินการ 1 รูป', 'ผลประเมิน ★★★★★ แก้ไขแล้ว']);
    expect(ownCaseQuickReplies(rated).map((q) => q.action?.label)).toEqual(['ดูภาพหลังดำเนินการ']);
    expect(ownCaseQuickReplies(aComplaint()).map((q) => q.action?.label)).toEqual(['ส่งข้อมูลเพิ่มเติม', 'ถอนเรื่อง']);
  });
});
