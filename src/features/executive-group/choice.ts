import { GROUP_CHOICE_COMMAND, GROUP_CHOICE_TH, GROUP_CHOICES, groupChoiceText, type GroupChoice } from '../../domain/executive-group-choice.js';
import { figures } from '../../domain/figures.js';
import { isExecutiveOrAdmin } from '../../domain/roles.js';
import { nameOf } from '../../domain/staff.js';
import { arabicDigits } from '../../domain/thai.js';
import { quickText, text, type Message } from '../../line/messages.js';
import type { ChatContext, Feature } from '../common/context.js';
import { GROUP_SAY } from './feature.js';

const SAY = {
  refused: 'การเลือกสิ่งที่กลุ่มผู้บริหารได้รับทำได้เฉพาะผู้บริหารและผู้ดูแลระบบเท่านั้น',
  changed: (name: string) => `เปลี่ยนแล้ว ตั้งแต่การส่งครั้งถัดไป กลุ่มผู้บริหารจะได้รับ: ${name}`,
  unchanged: 'กลุ่มผู้บริหารได้รับตามที่เลือกนี้อยู่แล้ว',
} as const;

/** "กลุ่มผู้บริหารรับ", maybe followed by the number of a choice: that number ('' when none), or null when not this command. */
export function groupChoiceCommand(raw: string): string | null {
  const m = arabicDigits(raw).trim().replace(/\s+/g, ' ').match(new RegExp(`^${GROUP_CHOICE_COMMAND}(?:\\s*(.*))?$`));
  return m ? (m[1] ?? '').trim() : null;
}

/** The choice a number names ("2" → the second), or null. */
const choiceNumbered = (argument: string): GroupChoice | null => (/^[1-9]$/.test(argument) ? (GROUP_CHOICES[Number(argument) - 1] ?? null) : null);

/** The group's choice and each choice's cost, as text: in the group itself, where the bot shows no buttons. */
export async function choiceText(ctx: ChatContext, groupId: string, choice: GroupChoice): Promise<string> {
  const members = await ctx.line.memberCount(groupId).catch((error: unknown) => {
    ctx.log.warn({ orgId: ctx.org.id, err: error }, "could not read the linked group's member count");
    return null;
  });
  const [overdueDays, reading] = await Promise.all([ctx.stores.messageUse.overdueGeneralDays(ctx.now), ctx.stores.messageUse.lineQuotaOf()]);
  return groupChoiceText({ choice, members, overdueDays, quota: reading?.quota ?? null }, figures(ctx.org.digits));
}

/** The group's choice with its cost and, in a private chat, a button for each choice (a reply: it costs nothing). */
export async function groupChoiceMessage(ctx: ChatContext, group: { groupId: string; choice: GroupChoice }, before?: string): Promise<Message> {
  const f = figures(ctx.org.digits);
  const body = await choiceText(ctx, group.groupId, group.choice);
  const buttons = GROUP_CHOICES.map((c, i) => quickText(GROUP_CHOICE_TH[c].short, `${GROUP_CHOICE_COMMAND} ${f.digits(i + 1)}`));
  return text(before ? `${before}\n\n${body}` : body, buttons);
}

/**
 * `กลุ่มผู้บริหารรับ`: what the linked executives' group receives, each choice with its monthly cost in
 * messages, and changing it (`กลุ่มผู้บริหารรับ 2`). For executives and admins, in their own chat; a change
 * is written to the management log.
 */
export const groupChoice: Feature = {
  name: 'groupChoice',
  menu: [{ for: ['executive', 'admin'], order: 45, help: `"${GROUP_CHOICE_COMMAND}" เลือกว่ากลุ่มผู้บริหารที่เชื่อมไว้จะได้รับอะไร พร้อมจำนวนข้อความที่ใช้ต่อเดือน` }],
  command: groupChoiceCommand,
  allowed: (sender) => isExecutiveOrAdmin(sender.roles),
  refusal: SAY.refused,
  async handle(ctx) {
    const group = await ctx.stores.executiveGroups.linkedGroup();
    if (!group) return [text(GROUP_SAY.noneLinked)];
    const choice = choiceNumbered(ctx.argument);
    if (!choice) return [await groupChoiceMessage(ctx, group)];
    const staff = ctx.sender.staff!;
    const actor = { via: 'line' as const, staffId: `${ctx.org.id}:${staff.lineUserId}`, name: nameOf(staff) };
    const outcome = await ctx.stores.executiveGroups.chooseGroupReceives(choice, actor, ctx.now);
    if (!outcome) return [text(GROUP_SAY.noneLinked)];
    if (outcome.changed) ctx.log.info({ orgId: ctx.org.id, eventId: ctx.eventId, choice }, 'executives group choice changed');
    return [await groupChoiceMessage(ctx, { ...group, choice }, outcome.changed ? SAY.changed(figures(ctx.org.digits).digits(GROUP_CHOICE_TH[choice].name)) : SAY.unchanged)];
  },
};
