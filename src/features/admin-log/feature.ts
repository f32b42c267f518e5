import { figures } from '../../domain/figures.js';
import { hasRole } from '../../domain/roles.js';
import type { Feature } from '../common/context.js';
import { ADMIN_COMMANDS, MANAGE_TEXT } from '../manage/words.js';
import { ADMIN_LOG_ACTIONS } from './actions.js';
import { auditPage, LOG_PAGE_LINES } from './cards.js';
import { ADMIN_LOG_CUES, ADMIN_LOG_WORDS } from './words.js';

/** `บันทึกการจัดการ`: the management log, newest first, a page at a time. */
export const adminLog: Feature = {
  name: 'adminLog',
  tiles: [
    {
      menu: 'admin',
      place: 6,
      label: ADMIN_COMMANDS.log,
      sends: { text: ADMIN_COMMANDS.log },
      title: ADMIN_COMMANDS.log,
      hint: 'ใครเปลี่ยนอะไร เมื่อไร',
      colour: '#7A4B1F',
      icon: '<rect x="5" y="3" width="14" height="18" rx="2"/><path d="M9 8h6"/><path d="M9 12h6"/><path d="M9 16h3.5"/>',
    },
  ],
  menu: [{ for: ['admin'], order: 87, button: ADMIN_COMMANDS.log, help: `"${ADMIN_COMMANDS.log}" ใครนำเข้าไฟล์ เชิญ เปลี่ยนบทบาท เพิกถอนเจ้าหน้าที่ หรือเปลี่ยนการตั้งค่า เมื่อไร จากค่าใดเป็นค่าใด` }],
  words: ADMIN_LOG_WORDS,
  cues: ADMIN_LOG_CUES,
  actions: ADMIN_LOG_ACTIONS,
  allowed: (sender) => hasRole(sender.roles, 'admin'),
  refusal: MANAGE_TEXT.refusal,
  async handle(ctx) {
    const f = figures(ctx.org.digits);
    if (ctx.input.kind === 'postback' && ctx.input.action === ADMIN_LOG_ACTIONS.adminLogOlder.name) {
      const { t, i } = ctx.input.params as { t: string; i: string };
      const before = new Date(Number(t));
      if (Number.isNaN(before.getTime())) return [auditPage([], true, f)];
      return [auditPage(await ctx.stores.adminAudit.auditLog({ limit: LOG_PAGE_LINES + 1, before, beforeId: i }), true, f)];
    }
    return [auditPage(await ctx.stores.adminAudit.auditLog({ limit: LOG_PAGE_LINES + 1 }), false, f)];
  },
};
