import { approveOitItem, continueReturn, DIALOG, isReviewState, repeatReturnPrompt, returnedNotice, startReturn, type Facts, type SaveReview } from './dialog.js';
import { noticeDeps } from '../common/notice-deps.js';
import { itasWindow, oitState } from '../../domain/oit.js';
import { hasRole } from '../../domain/roles.js';
import type { StaffMember } from '../../domain/staff.js';
import { figures, type Figures } from '../../domain/figures.js';
import { oitReviewCarousel } from '../../flex/oit-cards.js';
import { text, type Message } from '../../line/messages.js';

import { noticeAboutOitItem } from '../../outbox/oit-notices.js';
import type { ChatContext, Feature, Perform } from '../common/context.js';
import { OIT_REVIEW_ACTIONS } from './actions.js';

const SAY = {
  reviewersOnly: 'คำสั่งนี้สำหรับผู้ตรวจสอบข้อมูลเปิดเผยต่อสาธารณะเท่านั้น',
  noList: 'ยังไม่มีรายการข้อมูลเปิดเผยต่อสาธารณะของปีนี้ในระบบ กรุณาแจ้งผู้ดูแลระบบให้นำเข้ารายการก่อน',
  nothingWaiting: (f: Figures, fy: number, approved: number, total: number, unanswered: number) =>
    `ไม่มีข้อ OIT รอตรวจสอบ\nปีงบประมาณ ${f.fiscalYear(fy)}: ผ่านการตรวจสอบแล้ว ${f.count(approved)} จาก ${f.count(total)} ข้อ${unanswered > 0 ? ` · ยังไม่ได้ตอบ ${f.count(unanswered)} ข้อ` : ''}`,
  intro: (f: Figures, fy: number, waiting: number, approved: number, total: number, closes: string) =>
    `ข้อ OIT รอตรวจสอบ ${f.count(waiting)} ข้อ (ปีงบประมาณ ${f.fiscalYear(fy)} ผ่านแล้ว ${f.count(approved)} จาก ${f.count(total)} ข้อ)\nกรุณาตรวจให้ครบก่อนระบบ ITAS ปิดวันที่ ${closes}`,
} as const;

function reviewerOf(ctx: ChatContext): StaffMember | null {
  const { staff } = ctx.sender;
  return staff && hasRole(staff.roles, 'reviewer') ? staff : null;
}

/** The answered items no review has passed or sent back yet, in form order. */
export async function oitReviewList(ctx: ChatContext, page: number): Promise<Message[]> {
  const fiscalYear = await ctx.stores.oit.latestOitYear();
  if (fiscalYear === null) return [text(SAY.noList)];
  const items = await ctx.stores.oit.oitItemsOfYear(fiscalYear);
  const waiting = items.filter((i) => oitState(i) === 'waiting');
  const approved = items.filter((i) => oitState(i) === 'approved').length;
  const f = figures(ctx.org.digits);
  if (waiting.length === 0) return [text(SAY.nothingWaiting(f, fiscalYear, approved, items.length, items.filter((i) => oitState(i) === 'unanswered').length))];
  const closes = f.date(new Date(itasWindow(fiscalYear).end.getTime() - 1));
  return [text(SAY.intro(f, fiscalYear, waiting.length, approved, items.length, closes)), oitReviewCarousel(waiting, page, f)];
}

async function factsFor(ctx: ChatContext, reviewer: StaffMember, itemId: string): Promise<Facts> {
  return { now: ctx.now, reviewer, item: await ctx.stores.oit.findOitItem(itemId) };
}

const save =
  (ctx: ChatContext): Perform<SaveReview> =>
  async (effect) => {
    const result = await ctx.stores.oit.reviewOitItem(effect.itemId, effect.review);
    if (result !== 'saved' || !effect.notifyOwner) return;
    const item = await ctx.stores.oit.findOitItem(effect.itemId);
    if (!item?.answer) return;
    await noticeAboutOitItem(item.id, `returned:${ctx.eventId}`, [item.answer.answeredBy], [text(returnedNotice(item, effect.review.note ?? '', effect.review.reviewerName))], noticeDeps(ctx));
  };

/**
 * The reviewer's side of OIT (the head of สำนักปลัด, seed 001): the answers waiting for review as cards, each
 * passed with one tap or sent back with a note that reaches whoever answered.
 */
export const oitReview: Feature = {
  name: 'oitReview',
  menu: [{ for: ['reviewer'], order: 30, button: 'รอตรวจ', help: '"รอตรวจ" ตรวจคำตอบข้อมูลเปิดเผยต่อสาธารณะ ให้ผ่าน หรือส่งกลับให้แก้ไข ก่อนระบบ ITAS ปิดวันที่ 30 เมษายน' }],
  words: ['รอตรวจ', 'ตรวจ OIT', 'ตรวจข้อมูล OIT', 'ตรวจข้อมูลเปิดเผย'],
  meaning: /^(ขอ)?(ดู)?(รายการ)?รอตรวจ|ตรวจ(สอบ)?(ข้อมูล|คำตอบ)?(oit|itas|เปิดเผย)/,
  actions: OIT_REVIEW_ACTIONS,
  allowed: (sender) => hasRole(sender.roles, 'reviewer'),
  refusal: SAY.reviewersOnly,
  async handle(ctx) {
    const reviewer = reviewerOf(ctx)!;
    const { input } = ctx;
    if (input.kind === 'postback' && input.action === OIT_REVIEW_ACTIONS.oitApprove.name) {
      return ctx.run(approveOitItem(input.params.v ?? '', await factsFor(ctx, reviewer, input.params.i ?? '')), save(ctx));
    }
    if (input.kind === 'postback' && input.action === OIT_REVIEW_ACTIONS.oitReturn.name) {
      return ctx.run(startReturn(input.params.v ?? '', await factsFor(ctx, reviewer, input.params.i ?? '')), save(ctx));
    }
    return oitReviewList(ctx, input.kind === 'postback' ? Number(input.params.p) || 1 : 1);
  },
  dialog: {
    name: DIALOG,
    async continue(ctx) {
      if (!isReviewState(ctx.dialog)) return [];
      const reviewer = reviewerOf(ctx);
      if (!reviewer) {
        await ctx.endDialog();
        return [text(SAY.reviewersOnly)];
      }
      return ctx.run(continueReturn(ctx.dialog, ctx.input, await factsFor(ctx, reviewer, ctx.dialog.data.itemId)), save(ctx));
    },
    async resume(ctx) {
      const reviewer = reviewerOf(ctx);
      if (!reviewer || !isReviewState(ctx.dialog)) return [];
      return repeatReturnPrompt(ctx.dialog, await factsFor(ctx, reviewer, ctx.dialog.data.itemId));
    },
  },
};
