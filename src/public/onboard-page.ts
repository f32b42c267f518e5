import { FORMAT_PROBLEM_TH, type ChannelField } from '../domain/onboarding.js';
import { formatThaiDateTime } from '../domain/thai.js';
import { escapeHtml as esc } from './html.js';
import { PUBLIC_ASSETS } from './render-page.js';

/**
 * The onboarding page's HTML (http/onboard.ts serves it): the form where a new organisation's admin pastes its
 * LINE channel's values, the answer after it, and the page of a link that no longer works. No script: a plain
 * form post. The secret and the access token are never written into any of these pages, not even back into the
 * form after a refusal.
 */

/** Where the onboarding page's own few rules are served, beside the public page's stylesheet it builds on. */
export const ONBOARD_CSS = '/onboard/assets/onboard.css';

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="th"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${esc(title)}</title>
<link rel="stylesheet" href="${PUBLIC_ASSETS}/page.css"><link rel="stylesheet" href="${ONBOARD_CSS}"></head>
<body>${body}</body></html>`;
}

const header = (kicker: string, heading: string) => `<header><div class="wrap"><p class="kicker">${esc(kicker)}</p><h1>${esc(heading)}</h1></div></header>`;

export interface FormView {
  orgName: string;
  /** Where the form posts: the link itself. */
  action: string;
  expiresAt: Date;
  /** The values that may be shown again: never the secret or the access token. */
  kept?: { botUserId: string; channelId: string };
  /** Why the last submission was refused, in Thai. */
  problems?: string[];
}

const field = (name: string, label: string, help: string, options: { value?: string; secret?: boolean; optional?: boolean; pattern?: string } = {}) =>
  `<div class="field"><label for="${name}">${esc(label)}${options.optional ? ' <span class="optional">(ไม่บังคับ)</span>' : ''}</label>
<p class="help" id="${name}-help">${help}</p>
<input id="${name}" name="${name}" ${options.secret ? 'type="password" autocomplete="off"' : 'type="text" autocomplete="off"'} autocapitalize="none" spellcheck="false" aria-describedby="${name}-help"${options.optional ? '' : ' required'}${options.value ? ` value="${esc(options.value)}"` : ''}></div>`;

/** The form, with where in LINE Developers each value is found. */
export function onboardFormPage(view: FormView): string {
  const problems = view.problems?.length
    ? `<div class="problem" role="alert"><p><strong>ยังไม่ได้บันทึก</strong></p><ul>${view.problems.map((p) => `<li>${esc(p)}</li>`).join('')}</ul><p>โปรดกรอก Channel secret และ Channel access token อีกครั้ง (ระบบไม่แสดงค่าเดิมเพื่อความปลอดภัย)</p></div>`
    : '';
  return page(
    'เชื่อมช่อง LINE ของหน่วยงาน',
    `${header('เริ่มใช้งานโปร่งใส', view.orgName)}
<main class="wrap onboard">
${problems}
<section><h2>เชื่อมช่อง LINE ของหน่วยงาน</h2>
<p>กรอกค่าของช่อง LINE Official Account ของหน่วยงาน ซึ่งดูได้ที่ <a href="https://developers.line.biz/console/" rel="noreferrer">LINE Developers Console</a> โดยเลือกผู้ให้บริการ (Provider) แล้วเลือกช่องแบบ Messaging API ของหน่วยงาน</p>
<p class="note">ระบบจะตรวจสอบกับ LINE ก่อนบันทึก และเก็บ Channel secret กับ Channel access token แบบเข้ารหัส ลิงก์นี้ใช้ได้ครั้งเดียว ถึง ${esc(formatThaiDateTime(view.expiresAt))}</p>
<form method="post" action="${esc(view.action)}">
${field('channelSecret', 'Channel secret', 'แท็บ <b>Basic settings</b> หัวข้อ Channel secret (ตัวเลขและตัวอักษร 32 ตัว)', { secret: true })}
${field('accessToken', 'Channel access token', 'แท็บ <b>Messaging API</b> ด้านล่างสุด หัวข้อ Channel access token (long-lived) หากยังไม่มีให้กดปุ่ม Issue ก่อน', { secret: true })}
${field('channelId', 'Channel ID', 'แท็บ <b>Basic settings</b> ตัวเลขประมาณ 10 หลัก', { value: view.kept?.channelId, optional: true })}
${field('botUserId', 'Bot user ID', 'เว้นว่างได้ ระบบอ่านจาก LINE ด้วย Channel access token ให้เอง หากทราบค่า (เช่น จากผู้พัฒนาเดิม) กรอกไว้ ระบบจะตรวจว่าตรงกับช่องเดียวกัน ค่านี้ขึ้นต้นด้วยตัว U และไม่ใช่ Your user ID ในแท็บ Basic settings ซึ่งเป็นรหัสของผู้พัฒนาเอง', { value: view.kept?.botUserId, optional: true })}
<button type="submit">ตรวจสอบและบันทึก</button>
</form></section>
<footer><p>หากมีข้อสงสัย โปรดติดต่อผู้ดูแลระบบที่ส่งลิงก์นี้ให้</p></footer>
</main>`,
  );
}

/** Why a refused submission was refused, one line a reason. */
export const REFUSAL_TH = {
  'token-refused': 'LINE ไม่รับ Channel access token นี้ โปรดตรวจสอบว่าคัดลอกมาครบ หรือออกรหัสใหม่ด้วยปุ่ม Issue แล้วคัดลอกอีกครั้ง',
  'bot-mismatch': 'Bot user ID ไม่ตรงกับช่อง LINE ของ Channel access token นี้ โปรดตรวจสอบว่าทั้งสองค่ามาจากช่องเดียวกัน',
  'bot-taken': 'ช่อง LINE นี้เชื่อมกับหน่วยงานอื่นในระบบอยู่แล้ว โปรดใช้ช่องของหน่วยงานเอง หรือติดต่อผู้ดูแลระบบ',
  'line-unreachable': 'ขณะนี้ติดต่อ LINE ไม่ได้ โปรดลองอีกครั้งในอีกสักครู่',
} as const;

export const formatProblemsTh = (fields: readonly ChannelField[]): string[] => fields.map((f) => FORMAT_PROBLEM_TH[f]);

export interface DoneView {
  orgName: string;
  botName: string;
  /** The first admin's registration code; null when the organisation already has an admin. */
  invite: { code: string; expiresAt: Date } | null;
  webhookUrl: string;
  menusInstalled: boolean;
}

/** After the channel is saved: the first admin's registration code and the steps left, all done in LINE. */
export function onboardDonePage(view: DoneView): string {
  return page(
    'เชื่อมช่อง LINE แล้ว',
    `${header('เริ่มใช้งานโปร่งใส', view.orgName)}
<main class="wrap onboard">
<section class="done"><h2>เชื่อมช่อง LINE “${esc(view.botName)}” แล้ว</h2>
<p>${view.menusInstalled ? 'ติดตั้งเมนูลัดบนช่องนี้แล้ว' : 'ยังติดตั้งเมนูลัดไม่สำเร็จ ผู้ดูแลระบบจะติดตั้งให้ภายหลัง ระหว่างนี้พิมพ์คำสั่งในแชตได้ตามปกติ'}</p>
${
  view.invite
    ? `<p>รหัสลงทะเบียนของผู้ดูแลคนแรก</p>
<p class="code-box" data-testid="invite-code">${esc(view.invite.code)}</p>
<p class="note">ใช้ได้ครั้งเดียว ถึง ${esc(formatThaiDateTime(view.invite.expiresAt))} โปรดจดไว้ก่อนปิดหน้านี้ เพราะหน้านี้จะไม่แสดงรหัสอีก</p>`
    : '<p data-testid="has-admin">หน่วยงานมีผู้ดูแลอยู่แล้ว จึงไม่ออกรหัสลงทะเบียนใหม่ หากช่องใหม่อยู่ภายใต้ผู้ให้บริการ (Provider) เดิม ผู้ดูแลและเจ้าหน้าที่ใช้งานได้ตามเดิมเมื่อเพิ่มบัญชีใหม่เป็นเพื่อน หากต่างผู้ให้บริการ โปรดขอรหัสลงทะเบียนใหม่จากผู้ดูแลระบบ</p>'
}</section>
<section><h2>ขั้นตอนต่อไป</h2><ol class="steps">
<li>ใน LINE Developers Console แท็บ <b>Messaging API</b> ตั้ง Webhook URL เป็น <code>${esc(view.webhookUrl)}</code> เปิด Use webhook แล้วกด Verify ควรขึ้นว่า Success</li>
<li>ใน LINE Official Account Manager ปิดข้อความตอบกลับอัตโนมัติและข้อความทักทาย เพื่อให้ระบบเป็นผู้ตอบ</li>
<li>เพิ่มบัญชี LINE ของหน่วยงานเป็นเพื่อน (สแกน QR code ในแท็บ Messaging API)</li>
${view.invite ? `<li>พิมพ์ในแชต <code>ลงทะเบียน ${esc(view.invite.code)}</code></li>
` : ''}<li>เมื่อลงทะเบียนแล้ว พิมพ์ <code>จัดการ</code> เพื่อนำเข้าแผน เชิญเจ้าหน้าที่ และตั้งค่าหน่วยงานในแชตได้ทันที</li>
</ol></section>
</main>`,
  );
}

/** A link that opens nothing (any more). */
export function onboardGonePage(state: 'used' | 'expired' | 'unknown'): string {
  const text: Record<typeof state, [string, string]> = {
    used: ['ลิงก์นี้ใช้ไปแล้ว', 'ช่อง LINE ของหน่วยงานเชื่อมผ่านลิงก์นี้เรียบร้อยแล้ว หากต้องการเปลี่ยนช่อง หรือไม่ได้จดรหัสลงทะเบียนไว้ โปรดขอลิงก์ใหม่หรือรหัสใหม่จากผู้ดูแลระบบ'],
    expired: ['ลิงก์นี้หมดอายุแล้ว', 'โปรดขอลิงก์ใหม่จากผู้ดูแลระบบ'],
    unknown: ['ไม่พบลิงก์นี้', 'โปรดตรวจสอบว่าคัดลอกลิงก์มาครบ หรือขอลิงก์ใหม่จากผู้ดูแลระบบ'],
  };
  const [title, body] = text[state];
  return page(title, `${header('เริ่มใช้งานโปร่งใส', title)}<main class="wrap onboard"><section><p>${esc(body)}</p></section></main>`);
}
