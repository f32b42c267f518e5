import { figures as figuresOf, type Figures } from './figures.js';

/**
 * What the linked executives' group receives, chosen with its cost: each choice adds to the one before it.
 * Every push to a group is billed once per member, and the executives get all of it in their own chats
 * anyway, so the group's share is a choice, not a given.
 */
export const GROUP_CHOICES = ['summary', 'follow-up', 'overdue'] as const;
export type GroupChoice = (typeof GROUP_CHOICES)[number];

/** New links get the monthly summary only: the executives each get the daily overdue card in their own chat. */
export const NEW_LINK_CHOICE: GroupChoice = 'summary';
/** A group linked before the choice existed keeps receiving everything it always did. */
export const EARLIER_LINK_CHOICE: GroupChoice = 'overdue';

/** What a job sends the group: the monthly summary, the follow-up's non-responders, the day's overdue count. */
export type GroupCopyKind = 'summary' | 'non-responders' | 'overdue-general';

const FIRST_CHOICE_WITH: Record<GroupCopyKind, GroupChoice> = { summary: 'summary', 'non-responders': 'follow-up', 'overdue-general': 'overdue' };

export const groupReceives = (choice: GroupChoice, kind: GroupCopyKind): boolean => GROUP_CHOICES.indexOf(choice) >= GROUP_CHOICES.indexOf(FIRST_CHOICE_WITH[kind]);

export const isGroupChoice = (value: unknown): value is GroupChoice => (GROUP_CHOICES as readonly unknown[]).includes(value);

/** A stored choice, or the choice of a group linked before choices were kept. */
export const groupChoiceOf = (stored: unknown): GroupChoice => (isGroupChoice(stored) ? stored : EARLIER_LINK_CHOICE);

/**
 * The pushes a month a choice brings: the summary once, the follow-up's non-responders at most once, and the
 * overdue count on each day a general complaint passes its 15 days (`overdueDays`: such days in the last 30).
 */
export function groupPushesAMonth(choice: GroupChoice, overdueDays: number): number {
  return { summary: 1, 'follow-up': 2, overdue: 2 + overdueDays }[choice];
}

/** Each choice as the chat names it; `short` fits a quick-reply button. */
export const GROUP_CHOICE_TH: Record<GroupChoice, { name: string; short: string }> = {
  summary: { name: 'สรุปผลการดำเนินงานรายเดือนเท่านั้น', short: 'สรุปรายเดือนเท่านั้น' },
  'follow-up': { name: 'สรุปรายเดือน และรายชื่อผู้ที่ยังไม่รายงานจากการติดตามงาน', short: 'เพิ่มผลการติดตามงาน' },
  overdue: { name: 'สรุปรายเดือน ผลการติดตามงาน และจำนวนเรื่องร้องเรียนทั่วไปที่เกินกำหนด 15 วันในวันที่มีเรื่องเกินกำหนดเพิ่ม', short: 'รับทุกอย่าง' },
};

/** The command that shows and changes the choice, as people type it and as its buttons send it. */
export const GROUP_CHOICE_COMMAND = 'กลุ่มผู้บริหารรับ';

/**
 * The group's choice and what each choice costs a month, in messages (members × pushes): said when the group
 * is linked and whenever the choice is asked for or changed. `members` is null when LINE did not say.
 */
export function groupChoiceText(
  { choice, members, overdueDays, quota }: { choice: GroupChoice; members: number | null; overdueDays: number; quota: number | null },
  f: Figures = figuresOf(),
): string {
  const cost = (c: GroupChoice) => {
    const pushes = groupPushesAMonth(c, overdueDays);
    const times = c === 'overdue' ? `ประมาณเดือนละ ${f.count(pushes)} ครั้ง` : `เดือนละ ${f.count(pushes)} ครั้ง`;
    return members === null ? times : `${times} ใช้ ${f.count(members * pushes)} ข้อความต่อเดือน`;
  };
  const lines = [`ตอนนี้กลุ่มผู้บริหารได้รับ: ${f.digits(GROUP_CHOICE_TH[choice].name)}`];
  if (members === null) lines.push('ข้อความที่ส่งถึงกลุ่มนับโควตาข้อความของ LINE ตามจำนวนสมาชิกในกลุ่ม (อ่านจำนวนสมาชิกจาก LINE ไม่สำเร็จ)');
  else {
    const added = members * groupPushesAMonth(choice, overdueDays);
    lines.push(
      `กลุ่มมีสมาชิก ${f.count(members)} คน ข้อความหนึ่งครั้งที่ส่งถึงกลุ่มนับโควตาข้อความของ LINE ${f.count(members)} ข้อความ ` +
        `จึงใช้เพิ่มประมาณ ${f.count(added)} ข้อความต่อเดือน${quota !== null ? ` จากโควตา ${f.count(quota)} ข้อความต่อเดือน` : ''}`,
    );
  }
  lines.push('', 'เลือกได้ดังนี้');
  GROUP_CHOICES.forEach((c, i) => lines.push(`${f.digits(i + 1)}. ${f.digits(GROUP_CHOICE_TH[c].name)}: ${cost(c)}`));
  lines.push(
    `(วันที่มีเรื่องร้องเรียนทั่วไปเกินกำหนด ${f.count(overdueDays)} วันใน ${f.count(30)} วันที่ผ่านมา)`,
    '',
    'ผู้บริหารยังได้รับทุกรายการทางแชตส่วนตัวเหมือนเดิม',
    `เปลี่ยนได้โดยผู้บริหารหรือผู้ดูแลระบบพิมพ์ "${GROUP_CHOICE_COMMAND}" ในแชตส่วนตัวกับบัญชีนี้`,
  );
  return lines.join('\n');
}
