import { askProfile, continueProfile, DIALOG, isProfileState, repeatProfilePrompt, type ProfileEffect, type ProfileField } from './dialog.js';
import { figures } from '../../domain/figures.js';
import { ROLE_TH, type StaffRole } from '../../domain/roles.js';
import type { StaffMember } from '../../domain/staff.js';
import { quickText, text, type Message } from '../../line/messages.js';
import type { ChatContext, Feature, Sender } from '../common/context.js';

const SAY = {
  staffOnly: 'คำสั่งนี้สำหรับเจ้าหน้าที่ที่ลงทะเบียนแล้ว หากท่านเป็นเจ้าหน้าที่ พิมพ์ "ลงทะเบียน รหัสเชิญ" เพื่อเชื่อมบัญชีก่อน',
  notStaff: 'บัญชีนี้ไม่ได้เชื่อมกับบทบาทเจ้าหน้าที่แล้ว จึงไม่ได้บันทึกข้อมูล หากต้องการใช้งาน กรุณาขอรหัสเชิญใหม่จากผู้ดูแลระบบ',
} as const;

const isStaff = (sender: Sender) => sender.staff !== null;

/** What the person reads under ข้อมูลของฉัน: what reports are signed with, and what the bot knows of their roles. */
export function profileText(staff: StaffMember): string {
  const lineName = staff.displayName ? ` รายงานจะใช้ชื่อใน LINE "${staff.displayName}" แทน` : '';
  const name = staff.fullName || `ยังไม่ได้กรอก${lineName}`;
  const position = staff.officialPosition || (staff.position ? `ยังไม่ได้กรอก รายงานจะใช้ "${staff.position}" แทน` : 'ยังไม่ได้กรอก');
  return [
    'ข้อมูลของท่าน',
    `ชื่อ-นามสกุล: ${name}`,
    `ตำแหน่ง: ${position}`,
    `บทบาท: ${staff.roles.map((r: StaffRole) => ROLE_TH[r]).join(', ')}`,
    ...(staff.unit ? [`หน่วยงาน: ${staff.unit}`] : []),
    '',
    'ชื่อ-นามสกุลและตำแหน่งนี้ใช้ลงนามในรายงานที่ท่านส่งออก กดปุ่มด้านล่างเพื่อแก้ไข',
  ].join('\n');
}

async function profileMessage(ctx: ChatContext): Promise<Message[]> {
  // Read again: a step of this event may just have changed it.
  const staff = await ctx.stores.staff.findStaff(ctx.sender.userId);
  if (!staff) return [text(SAY.notStaff)];
  return [text(profileText(staff), [quickText('แก้ไขชื่อ'), quickText('แก้ไขตำแหน่ง')])];
}

async function perform(ctx: ChatContext, effect: ProfileEffect): Promise<Message[]> {
  const change = effect.type === 'saveFullName' ? { fullName: effect.value } : { officialPosition: effect.value };
  const saved = await ctx.stores.staff.setStaffProfile(ctx.sender.userId, change);
  return saved ? [] : [text(SAY.notStaff)];
}

/** "Me" as people write it, in the regions too: what makes "ข้อมูล" the person's own. */
const SELF = Object.fromEntries(['ฉัน', 'ผม', 'ดิฉัน', 'หนู', 'เรา', 'ข้อย', 'ฉาน', 'กู', 'เค้า', 'ตัวเอง', 'กระผม', 'เขา', 'my', 'me', 'i'].map((w) => [w, 1]));

/** Words that make "ข้อมูล…" something else: OIT's public data, an item, a case. */
const NOT_ABOUT_ME = ['เปิดเผย', 'สาธารณะ', 'oit', 'itas', 'โครงการ', 'มาตรการ', 'กิจกรรม', 'ร้องเรียน', 'เรื่อง', 'กลุ่ม', 'องค์กร', 'อปท'];

/** `ข้อมูลของฉัน`: the person's name, position, roles and unit, with the buttons that change the first two. */
export const profile: Feature = {
  name: 'profile',
  // Only staff have a profile: their name and position sign the reports.
  menu: [{ for: 'staff', order: 80, button: 'ข้อมูลของฉัน', help: '"ข้อมูลของฉัน" ดูบทบาทของท่าน และกรอกหรือแก้ไขชื่อ-นามสกุลและตำแหน่งที่ใช้ลงนามในรายงาน' }],
  words: ['ข้อมูลของฉัน', 'ข้อมูลส่วนตัว', 'profile', 'my profile'],
  cues: {
    weights: { ข้อมูลส่วนตัว: 2, ข้อมูลของฉัน: 2, profile: 2, โปรไฟล์: 2, บทบาท: 2, สิทธิ์: 1, สิทธิ: 1, บัญชี: 1, account: 1, ข้อมูล: 1, ชื่อ: 1, ตำแหน่ง: 1, หน่วยงาน: 1, ...SELF },
    needs: ['ข้อมูล', 'profile', 'โปรไฟล์', 'บทบาท', 'สิทธิ์', 'สิทธิ', 'บัญชี', 'account', 'ตำแหน่ง', 'ชื่อ'],
    not: NOT_ABOUT_ME,
  },
  allowed: isStaff,
  refusal: SAY.staffOnly,
  handle: (ctx) => profileMessage(ctx),
};

const EDIT = /^(?:ขอ|อยาก|ต้องการ)?\s*(?:แก้ไข|แก้|เปลี่ยน|edit)\s*(?:(ชื่อ(?:\s*-?\s*(?:นามสกุล|สกุล))?|name)|(ตำแหน่ง|position))\s*(?:หน่อย|ครับ|ค่ะ|คะ|นะ|จ้ะ|จ้า)*$/i;

/** "แก้ไขชื่อ" / "แก้ไขตำแหน่ง" (the buttons under ข้อมูลของฉัน, or typed): the same question as at registration. */
export const profileEdit: Feature = {
  name: 'profileEdit',
  command(t) {
    const m = t.trim().match(EDIT);
    if (!m) return null;
    const field: ProfileField = m[1] ? 'name' : 'position';
    return field;
  },
  // "แก้ชื่อในรายงานครับ": the name reports are signed with.
  cues: {
    weights: { แก้: 1, แก้ไข: 1, เปลี่ยน: 1, ปรับ: 1, edit: 1, change: 1, ชื่อ: 1, นามสกุล: 1, สกุล: 1, name: 1, ตำแหน่ง: 1, position: 1 },
    needs: ['แก้', 'แก้ไข', 'เปลี่ยน', 'ปรับ', 'edit', 'change'],
    not: [...NOT_ABOUT_ME, 'รายการ', 'คำตอบ'],
    argument: (message) => (/ตำแหน่ง|position/.test(message.compact) && !/ชื่อ|name/.test(message.compact) ? 'position' : 'name'),
  },
  allowed: isStaff,
  refusal: SAY.staffOnly,
  startsDialog: true,
  async handle(ctx) {
    const field: ProfileField = ctx.argument === 'position' ? 'position' : 'name';
    return ctx.run(askProfile(field, { registering: false, next: null }));
  },
  dialog: {
    name: DIALOG,
    savesEachAnswer: true,
    // No name reads as a request (none of the features' sentences matches one), while a position may
    // ("เจ้าหน้าที่รับเรื่องร้องเรียน"): a request typed instead of the name is answered, the position is kept as typed.
    hearsSentences: (state) => isProfileState(state) && state.step === 'name',
    // Name and position are typed: a file sent meanwhile (an admin's plan, right after registering) is not an answer.
    takesMedia: () => false,
    async continue(ctx) {
      if (!isProfileState(ctx.dialog)) return [];
      if (!ctx.sender.staff) {
        await ctx.endDialog();
        return [text(SAY.notStaff)];
      }
      const editing = !ctx.dialog.data.registering;
      const outcome = continueProfile(ctx.dialog, ctx.input, figures(ctx.org.digits));
      const replies = await ctx.run(outcome, (e) => perform(ctx, e));
      // An edit ends on the profile as it now stands, with the buttons for the other field.
      return editing && outcome.state === null ? [...replies, ...(await profileMessage(ctx))] : replies;
    },
    resume: async (ctx) => (isProfileState(ctx.dialog) ? repeatProfilePrompt(ctx.dialog) : []),
  },
};
