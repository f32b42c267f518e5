import { continueOitAnswer, DIALOG, isOitAnswerState, pickOitItem, repeatOitPrompt, type Facts, type SaveOitAnswer } from './dialog.js';
import { itasWindow, needsOwner, oitState, ownsOitItem, type OitItem } from '../../domain/oit.js';
import { hasRole } from '../../domain/roles.js';
import { nameOf, type StaffMember } from '../../domain/staff.js';
import { figures, type Figures } from '../../domain/figures.js';
import { oitOwnerCarousel } from '../../flex/oit-cards.js';
import { quickText, text, type Message } from '../../line/messages.js';

import type { ChatContext, Feature, Perform } from '../common/context.js';
import { oitReviewList } from '../oit-review/feature.js';
import { OIT_ACTIONS } from './actions.js';

const SAY = {
  ownersOnly: 'คำสั่งนี้สำหรับเจ้าหน้าที่ผู้รับผิดชอบข้อมูลเปิดเผยต่อสาธารณะ และผู้ตรวจสอบข้อมูลเท่านั้น\nหากท่านเป็นเจ้าหน้าที่ พิมพ์ "ลงทะเบียน รหัสเชิญ" เพื่อเชื่อมบัญชีก่อน',
  noList: 'ยังไม่มีรายการข้อมูลเปิดเผยต่อสาธารณะของปีนี้ในระบบ กรุณาแจ้งผู้ดูแลระบบให้นำเข้ารายการก่อน',
  noItems: (unit: string | null) => `ยังไม่มีข้อ OIT ที่${unit ?? 'ท่าน'}รับผิดชอบ หากไม่ถูกต้อง กรุณาแจ้งผู้ดูแลระบบ`,
  intro: (f: Figures, fiscalYear: number, total: number, todo: number, closes: string) =>
    `ข้อมูลเปิดเผยต่อสาธารณะ ปีงบประมาณ ${f.fiscalYear(fiscalYear)}\nท่านรับผิดชอบ ${f.count(total)} ข้อ ${todo > 0 ? `ยังต้องตอบหรือแก้ไข ${f.count(todo)} ข้อ` : 'ตอบครบแล้ว'}\nระบบ ITAS ปิดวันที่ ${closes} กดที่แต่ละข้อเพื่อตอบ`,
} as const;

/** The person's staff account while they are an officer: answers are given by the owning unit's officers. */
function ownerOf(ctx: ChatContext): StaffMember | null {
  const { staff } = ctx.sender;
  return staff && hasRole(staff.roles, 'officer') ? staff : null;
}

/** Their items of the year being worked on, in the ITAS form's order. */
async function itemsOf(ctx: ChatContext, owner: StaffMember): Promise<{ fiscalYear: number | null; items: OitItem[] }> {
  const fiscalYear = await ctx.stores.oit.latestOitYear();
  if (fiscalYear === null) return { fiscalYear, items: [] };
  const items = (await ctx.stores.oit.oitItemsOfYear(fiscalYear)).filter((i) => ownsOitItem(i, owner));
  return { fiscalYear, items };
}

/** For one step: only the item it is about, if it is still theirs. */
async function factsFor(ctx: ChatContext, owner: StaffMember, itemId: string): Promise<Facts> {
  const item = await ctx.stores.oit.findOitItem(itemId);
  return { now: ctx.now, staff: owner, eventId: ctx.eventId, item: item && ownsOitItem(item, owner) ? item : null, figures: figures(ctx.org.digits) };
}

const save =
  (ctx: ChatContext, owner: StaffMember): Perform<SaveOitAnswer> =>
  async (effect) => {
    await ctx.stores.oit.saveOitAnswer({ itemId: effect.itemId, answer: effect.answer, by: { lineUserId: owner.lineUserId, displayName: nameOf(owner) }, at: ctx.now, eventId: ctx.eventId });
  };

async function ownerList(ctx: ChatContext, owner: StaffMember, page: number): Promise<Message[]> {
  const { fiscalYear, items } = await itemsOf(ctx, owner);
  if (fiscalYear === null) return [text(SAY.noList)];
  if (items.length === 0) return [text(SAY.noItems(owner.unit))];
  // What still needs them comes first: unanswered and sent-back items, then the rest in form order.
  const ordered = [...items.filter(needsOwner), ...items.filter((i) => !needsOwner(i))];
  const f = figures(ctx.org.digits);
  const closes = f.date(new Date(itasWindow(fiscalYear).end.getTime() - 1));
  const intro = text(SAY.intro(f, fiscalYear, items.length, items.filter(needsOwner).length, closes));
  const list = oitOwnerCarousel(ordered, page, f);
  if (hasRole(ctx.sender.roles, 'reviewer')) {
    const waiting = (await ctx.stores.oit.oitItemsOfYear(fiscalYear)).filter((i) => oitState(i) === 'waiting').length;
    if (waiting > 0) return [intro, { ...list, quickReply: { items: [quickText(`รอตรวจ ${f.count(waiting)} ข้อ`, 'รอตรวจ')] } }];
  }
  return [intro, list];
}

/**
 * OIT for owners: the items their unit or position answers for, then the answer dialog on the one they tap (a
 * reminder's card opens it too). A reviewer who is not an officer gets the list waiting for review instead.
 */
export const oit: Feature = {
  name: 'oit',
  menu: [{ for: ['officer'], order: 20, button: 'OIT', help: '"OIT" ตอบข้อมูลเปิดเผยต่อสาธารณะที่ท่านรับผิดชอบ ว่ามีหรือไม่มี พร้อมลิงก์และคำอธิบาย สำหรับกรอกในระบบ ITAS' }],
  words: ['OIT', 'ITAS', 'ข้อมูลเปิดเผย', 'ข้อมูลเปิดเผยต่อสาธารณะ', 'เปิดเผยข้อมูล'],
  // Any one of these names OIT: the assessment's names in English and as Thai speak them, and what it asks for.
  cues: {
    weights: Object.fromEntries(
      ['oit', 'itas', 'ita', 'โอไอที', 'ไอทีเอ', 'ไอแทส', 'ข้อมูลเปิดเผย', 'เปิดเผยข้อมูล', 'ข้อมูลสาธารณะ', 'เปิดเผยต่อสาธารณะ', 'การเปิดเผยข้อมูล', 'โปร่งใส'].map((w) => [w, 2]),
    ),
  },
  actions: OIT_ACTIONS,
  allowed: (sender) => hasRole(sender.roles, 'officer') || hasRole(sender.roles, 'reviewer'),
  refusal: SAY.ownersOnly,
  startsDialog: true,
  async handle(ctx) {
    const owner = ownerOf(ctx);
    const { input } = ctx;
    if (!owner) return oitReviewList(ctx, 1);
    if (input.kind === 'postback' && input.action === OIT_ACTIONS.oitPick.name) {
      return ctx.run(pickOitItem(await factsFor(ctx, owner, input.params.i ?? '')), save(ctx, owner));
    }
    const page = input.kind === 'postback' ? Number(input.params.p) || 1 : 1;
    return ownerList(ctx, owner, page);
  },
  dialog: {
    name: DIALOG,
    async continue(ctx) {
      if (!isOitAnswerState(ctx.dialog)) return [];
      const owner = ownerOf(ctx);
      if (!owner) {
        await ctx.endDialog();
        return [text(SAY.ownersOnly)];
      }
      return ctx.run(continueOitAnswer(ctx.dialog, ctx.input, await factsFor(ctx, owner, ctx.dialog.data.itemId)), save(ctx, owner));
    },
    async resume(ctx) {
      const owner = ownerOf(ctx);
      if (!owner || !isOitAnswerState(ctx.dialog)) return [];
      return repeatOitPrompt(ctx.dialog, await factsFor(ctx, owner, ctx.dialog.data.itemId));
    },
  },
};
