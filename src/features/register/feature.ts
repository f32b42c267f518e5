import { startRegistrationProfile } from '../profile/dialog.js';
import { figures } from '../../domain/figures.js';
import { normalise } from '../../domain/normalise.js';
import { ROLE_TH, type StaffRole } from '../../domain/roles.js';
import { arabicDigits } from '../../domain/thai.js';
import { text } from '../../line/messages.js';
import { applyRichMenu } from '../../menus/apply-rich-menu.js';
import type { Feature } from '../common/context.js';

const SAY = {
  usage: 'กรุณาพิมพ์ "ลงทะเบียน" ตามด้วยรหัสเชิญ เช่น ลงทะเบียน ABCD-2345',
  unknown: 'ไม่พบรหัสเชิญนี้ กรุณาตรวจสอบตัวอักษรอีกครั้ง หรือขอรหัสใหม่จากผู้ดูแลระบบ',
  used: 'รหัสเชิญนี้ถูกใช้ไปแล้ว รหัสหนึ่งใช้ได้ครั้งเดียว กรุณาขอรหัสใหม่จากผู้ดูแลระบบ',
  expired: 'รหัสเชิญนี้หมดอายุแล้ว กรุณาขอรหัสใหม่จากผู้ดูแลระบบ',
  wait: (minutes: string) =>
    `กรอกรหัสเชิญไม่ถูกต้องหลายครั้งเกินไป เพื่อความปลอดภัยของระบบ กรุณาลองใหม่อีกครั้งในอีก ${minutes} นาที\nหากไม่แน่ใจรหัส กรุณาขอรหัสใหม่จากผู้ดูแลระบบ`,
  linked: (roles: StaffRole[], unit: string | null) => `ลงทะเบียนเรียบร้อยแล้ว\nบทบาท: ${roles.map((r) => ROLE_TH[r]).join(', ')}${unit ? `\nหน่วยงาน: ${unit}` : ''}`,
  helpLine: 'พิมพ์ "ช่วยเหลือ" เพื่อดูสิ่งที่ทำได้',
  later: 'พิมพ์ "ข้อมูลของฉัน" เพื่อกรอกชื่อ-นามสกุลและตำแหน่งที่ใช้ลงนามในรายงาน',
} as const;

/** An invite code: eight letters and digits, in two fours, in either digit style and any case. */
const CODE_ANYWHERE = /(?<![A-Za-z0-9๐-๙])([A-Za-z0-9๐-๙]{4})(?:\s*-\s*|\s)?([A-Za-z0-9๐-๙]{4})(?![A-Za-z0-9๐-๙])/;
/** The code as typed (normaliseCode evens it out when it is looked up). */
const codeIn = (text: string): string | null => CODE_ANYWHERE.exec(text)?.[0].trim() ?? null;
/**
 * A code found in a sentence must be one the bot could have made (no 0, 1, I, L or O: a case number such as
 * 2570-0012 is none) with a digit or its dash, so that an English word of eight letters is not taken for a
 * code and counted as a wrong guess.
 */
const strictCode = (code: string) => {
  const plain = arabicDigits(code).toUpperCase();
  return /^[2-9A-HJKMNP-Z]{4}[\s-]*[2-9A-HJKMNP-Z]{4}$/.test(plain) && (/[2-9]/.test(plain) || /[\s-]/.test(plain));
};
/** Words that say the message is about an invite code, typed however people type them ("ลงทะเบีนย"). */
const SAYS_INVITE = /ลง\s*ท[ะั]?\s*เบ[ีิ]?[ยนี]{1,3}|รหัส|โค้ด|เชิญ|register|invite|code|เชื่อมบัญชี/i;

/** Links a LINE account to the staff roles of an invite code, then asks the name and position reports are signed with. */
export const register: Feature = {
  name: 'register',
  // How a person becomes staff, under the citizen help's "for staff" heading.
  menu: [{ for: 'newcomer', order: 0, help: 'พิมพ์ "ลงทะเบียน รหัสเชิญ" เพื่อเชื่อมบัญชี LINE กับบทบาทของท่าน โดยขอรหัสเชิญจากผู้ดูแลระบบ' }],
  command(t) {
    // The code as people type it: lower case, Thai digits, a space instead of the dash, or no space after the
    // word (then only something shaped like a code, so that "ลงทะเบียนยังไง" stays a question).
    const m = t.trim().match(/^(?:ลงทะเบียน|register)(?:\s+(.+)|([A-Za-z0-9๐-๙][A-Za-z0-9๐-๙\s-]*))?$/i);
    if (!m) return null;
    const rest = (m[1] ?? m[2] ?? '').trim();
    // "ลงทะเบียน ABCD-2345 ครับ": the code, without the politeness around it.
    return codeIn(rest) ?? rest;
  },
  // The code in a sentence that says it is one, or alone with only particles around it (no dialog waiting).
  meaning: (_plain, typed) => {
    const code = codeIn(typed);
    if (!code) return null;
    if (!strictCode(code)) return null;
    return SAYS_INVITE.test(typed) || normalise(typed.replace(CODE_ANYWHERE, ' ')).words.length === 0 ? code : null;
  },
  async handle(ctx) {
    if (!ctx.argument) return [text(SAY.usage)];
    // Guessing codes is throttled per account before anything is checked or LINE is called.
    const { registrationWaitMinutes, recordRegistrationFailure } = ctx.stores.registerThrottle;
    const wait = await registrationWaitMinutes(ctx.sender.userKey, ctx.now);
    if (wait > 0) return [text(SAY.wait(figures(ctx.org.digits).count(wait)))];
    const displayNameOf = async () => (await ctx.line.getDisplayName(ctx.sender.userId)) ?? '';
    const outcome = await ctx.stores.invites.redeemInvite({ code: ctx.argument, lineUserId: ctx.sender.userId, displayNameOf, now: ctx.now });
    if (outcome.result !== 'linked') await recordRegistrationFailure(ctx.sender.userKey, ctx.now);
    switch (outcome.result) {
      case 'linked':
      {
        // A second invite adds roles: the menu is for all of them.
        const staff = await ctx.stores.staff.findStaff(ctx.sender.userId);
        await applyRichMenu({ orgId: ctx.org.id, line: ctx.line, log: ctx.log }, ctx.sender.userId, staff?.roles ?? outcome.roles);
        const linked = SAY.linked(outcome.roles, outcome.unit);
        const known = { fullName: !!staff?.fullName, officialPosition: !!staff?.officialPosition };
        // The name and position reports are signed with, asked now; a dialog under way is not thrown away for them.
        const asking = ctx.dialog ? null : startRegistrationProfile(known, [text(linked)]);
        if (asking) return ctx.run(asking);
        const missing = !known.fullName || !known.officialPosition;
        return [text([linked, ...(missing ? [SAY.later] : []), SAY.helpLine].join('\n'))];
      }
      case 'unknown':
        return [text(SAY.unknown)];
      case 'used':
        return [text(SAY.used)];
      case 'expired':
        return [text(SAY.expired)];
    }
  },
};
