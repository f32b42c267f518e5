import { STAFF_ROLES, type StaffRole } from './roles.js';

/**
 * The rich menus, one a kind of person: each is rich-menu/<name>.json with its picture rich-menu/<name>.png.
 * `citizen` is everyone's default; the others are linked to a person by their roles.
 */
export const RICH_MENUS = ['citizen', 'officer', 'handler', 'executive', 'admin'] as const;
export type RichMenuName = (typeof RICH_MENUS)[number];
export type StaffMenuName = Exclude<RichMenuName, 'citizen'>;

/**
 * One tile of a rich menu, declared by the feature it leads to (`Feature.tiles`): its tap area
 * (menus/rich-menu-files.ts) and its part of the picture are both made from it.
 */
export interface RichMenuTile {
  menu: RichMenuName;
  /** Its place on that menu: 1 is the top left, then left to right and down (the menu's layout gives the size). */
  place: number;
  /** The tap area's label: what LINE reads out and shows where the picture cannot be seen. */
  label: string;
  /** What a tap sends, as if typed; or, for a web page, the address to open. */
  sends: { text: string } | { uri: string };
  /** On the picture: the tile's big word, a line under it, its background colour (none: the help tile's own) and icon (SVG drawing inside a 24 × 24 box). */
  title: string;
  hint: string;
  colour?: string;
  icon: string;
}

const MENU_OF_ROLE: Record<StaffRole, StaffMenuName | null> = {
  officer: 'officer',
  complaint_officer: 'handler',
  integrity_officer: 'handler',
  executive: 'executive',
  admin: 'admin',
  // Reviewers are heads of units: their OIT list is a command away, like the officers' reports.
  reviewer: 'officer',
  // A supervising office's staff report nothing and handle no case: the citizen menu, and ภาพรวม typed or from help.
  supervisor: null,
};

/**
 * LINE shows one rich menu a person, so someone with several roles gets the menu of the work that cannot
 * wait. Complaint handlers come first: a case runs on the 15-day legal clock from any day of the year, and
 * the open-cases list is where they take it, answer and explain delays. Officers next: they report a few
 * times a round, and the round reminders reach them by push anyway. The admin's menu before the executive's:
 * an admin's work (the year's files, staff, settings) is the organisation's own running, which nobody else
 * can do, and the admin menu carries the executive's first need too (the summary tile); an executive who is
 * also an admin reads the report files and complaint statistics from help. An admin who is also a handler
 * or an officer keeps that work's menu: managing is occasional (a plan a year, an invitation now and then),
 * `จัดการ` is one word to type, and `ช่วยเหลือ` (on every menu) lists every command of every role the person
 * holds, as buttons, `จัดการ` among them.
 */
export const MENU_PRIORITY: readonly StaffMenuName[] = ['handler', 'officer', 'admin', 'executive'];

/** The menu for a person's roles; `citizen` when they hold no staff role (or none that is known). */
export function menuForRoles(roles: readonly string[]): RichMenuName {
  const theirs = new Set(roles.filter((r): r is StaffRole => (STAFF_ROLES as readonly string[]).includes(r)).map((r) => MENU_OF_ROLE[r]).filter((m): m is StaffMenuName => m !== null));
  return MENU_PRIORITY.find((menu) => theirs.has(menu)) ?? 'citizen';
}

/** LINE's id of each installed menu. */
export type RichMenuIds = Record<RichMenuName, string>;

/** Names of the menus as operators read them (CLI output). */
export const RICH_MENU_TH: Record<RichMenuName, string> = {
  citizen: 'เมนูประชาชน',
  officer: 'เมนูเจ้าหน้าที่ผู้รายงาน',
  handler: 'เมนูผู้รับเรื่องร้องเรียน',
  executive: 'เมนูผู้บริหาร',
  admin: 'เมนูผู้ดูแลระบบ',
};
