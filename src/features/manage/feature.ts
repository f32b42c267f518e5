import { figures } from '../../domain/figures.js';
import type { RichMenuTile } from '../../domain/rich-menus.js';
import { hasRole } from '../../domain/roles.js';
import type { Feature } from '../common/context.js';
import { homeCard } from './cards.js';
import { ADMIN_COMMANDS, MANAGE_CUES, MANAGE_TEXT } from './words.js';

/**
 * The admin menu's tiles for the admin commands: declared here because this feature owns the admin menu,
 * although four of them are answered by the features that import files, manage staff and change settings
 * (the log's tile is admin-log's, the summary's and help's are theirs, as on the other menus).
 */
const tile = (place: number, command: string, hint: string, colour: string, icon: string): RichMenuTile => ({ menu: 'admin', place, label: command, sends: { text: command }, title: command, hint, colour, icon });

export const ADMIN_MENU_TILES: readonly RichMenuTile[] = [
  tile(1, ADMIN_COMMANDS.manage, 'ภาพรวมหน่วยงานและทุกคำสั่ง', '#1F3A5F', '<rect x="3.5" y="3.5" width="7" height="7" rx="1.5"/><rect x="13.5" y="3.5" width="7" height="7" rx="1.5"/><rect x="3.5" y="13.5" width="7" height="7" rx="1.5"/><rect x="13.5" y="13.5" width="7" height="7" rx="1.5"/>'),
  tile(2, ADMIN_COMMANDS.importFile, 'แผน รายการ OIT ตัวชี้วัด', '#2F5D8A', '<path d="M14 3H6a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V9z"/><path d="M14 3v6h6"/><path d="M12 18v-6.5"/><path d="M9 14.5l3-3 3 3"/>'),
  tile(3, ADMIN_COMMANDS.invite, 'ออกรหัสแล้วส่งต่อในแชต', '#157A43', '<circle cx="9" cy="8" r="4"/><path d="M2 21a7 7 0 0 1 14 0"/><path d="M19 8v6"/><path d="M16 11h6"/>'),
  tile(4, ADMIN_COMMANDS.staff, 'รายชื่อ บทบาท การเพิกถอน', '#0F6E6E', '<circle cx="9" cy="8" r="3.5"/><path d="M2.5 20a6.5 6.5 0 0 1 13 0"/><circle cx="17" cy="9" r="2.5"/><path d="M17 14.5a5 5 0 0 1 4.5 5"/>'),
  tile(5, ADMIN_COMMANDS.settings, 'ข้อมูลและค่าของหน่วยงาน', '#6B4C9A', '<path d="M4 6h9"/><path d="M19 6h1"/><circle cx="16" cy="6" r="2.5"/><path d="M4 12h2"/><path d="M12 12h8"/><circle cx="9" cy="12" r="2.5"/><path d="M4 18h11"/><circle cx="18" cy="18" r="2.5"/>'),
];

/** `จัดการ`: the admin's home card, with a button for every admin command. */
export const manage: Feature = {
  name: 'manage',
  tiles: ADMIN_MENU_TILES,
  menu: [
    { for: ['admin'], order: 86, button: ADMIN_COMMANDS.manage, help: `"${ADMIN_COMMANDS.manage}" ภาพรวมของหน่วยงาน ปีงบประมาณ จำนวนเจ้าหน้าที่และรายการในแผน พร้อมปุ่มนำเข้าไฟล์ เชิญเจ้าหน้าที่ รายชื่อเจ้าหน้าที่ ตั้งค่า และบันทึกการจัดการ` },
  ],
  words: [ADMIN_COMMANDS.manage, 'manage'],
  cues: MANAGE_CUES,
  allowed: (sender) => hasRole(sender.roles, 'admin'),
  refusal: MANAGE_TEXT.refusal,
  async handle(ctx) {
    const fiscalYear = await ctx.org.activeFiscalYear();
    return [homeCard(await ctx.stores.overview.organisationOverview(fiscalYear), figures(ctx.org.digits))];
  },
};
