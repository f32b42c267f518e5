import type { StaffEntry, AccessChange } from '../../db/staff-admin-store.js';
import { figures } from '../../domain/figures.js';
import { hasRole, rolesTh, type StaffRole } from '../../domain/roles.js';
import { nameOf } from '../../domain/staff.js';
import { text, type Message } from '../../line/messages.js';
import { applyRichMenu } from '../../menus/apply-rich-menu.js';
import type { ChatContext, Feature } from '../common/context.js';
import { CHAT_TEXT } from '../common/texts.js';
import { STAFF_ACTIONS } from './actions.js';
import { byUnitAndName, revokeConfirmation, rolesChooser, rolesConfirmation, staffPage, type ListedPerson } from './cards.js';
import { rolesOf } from './roles-mask.js';
import { STAFF_LABEL, STAFF_MEANING, STAFF_TEXT as SAY, STAFF_WORDS } from './words.js';

const listed = (ctx: ChatContext, e: StaffEntry): ListedPerson => ({ key: ctx.sealer.userKey(e.lineUserId), name: e.name, roles: e.roles, unit: e.unit, position: e.position, scope: e.scope });

/** The person a button names, among this organisation's staff (revoked ones too), by their keyed hash. */
async function personOf(ctx: ChatContext, key: string): Promise<StaffEntry | null> {
  const all = await ctx.stores.staffAdmin.staffOfOrganisation();
  return all.find((e) => ctx.sealer.userKey(e.lineUserId) === key) ?? null;
}

async function list(ctx: ChatContext, page: number): Promise<Message[]> {
  const active = (await ctx.stores.staffAdmin.staffOfOrganisation()).filter((e) => e.active);
  return staffPage(byUnitAndName(active.map((e) => listed(ctx, e))), page, figures(ctx.org.digits));
}

/** Makes the change through the guarded path, then gives the person the menu of their roles now. */
async function change(ctx: ChatContext, person: StaffEntry, what: AccessChange, expectBefore: StaffRole[]): Promise<Message[]> {
  const staff = ctx.sender.staff;
  if (!staff) return [text(SAY.notAdmin)];
  const outcome = await ctx.stores.staffAdmin.changeStaffAccess({
    staffId: person.id,
    change: what,
    expectBefore,
    actor: ctx.stores.staffAdmin.lineActor(ctx.sender.userId, nameOf(staff)),
    requestKey: ctx.eventId,
    now: ctx.now,
  });
  switch (outcome.result) {
    case 'changed': {
      const menu = await applyRichMenu({ orgId: ctx.org.id, line: ctx.line, log: ctx.log }, outcome.person.lineUserId, outcome.after);
      const said = outcome.revoked ? SAY.revoked(person.name) : SAY.rolesSaved(person.name, rolesTh(outcome.before), rolesTh(outcome.after));
      const menuNote = menu.result === 'failed' ? SAY.menuFailed : menu.result === 'unlinked' ? SAY.menuCitizen : menu.result === 'linked' ? SAY.menuLinked : null;
      return [text(menuNote ? `${said}\n${menuNote}` : said)];
    }
    case 'unchanged':
      return [text(SAY.alreadyRoles(person.name))];
    case 'stale':
      return [text(SAY.stale(person.name))];
    case 'last-admin':
      return [text(SAY.lastAdmin(person.name))];
    case 'revoked':
      return [text(SAY.alreadyRevoked(person.name))];
    case 'needs-scope':
      return [text(SAY.needsScope)];
    case 'not-found':
      return [text(SAY.notFound)];
    case 'not-admin':
      return [text(SAY.notAdmin)];
  }
}

async function pressed(ctx: ChatContext, action: string, params: Record<string, string>): Promise<Message[]> {
  const A = STAFF_ACTIONS;
  if (action === A.staffPage.name) return list(ctx, Number(params.pg ?? 0));
  if (action === A.staffCancel.name) return [text(SAY.cancelled)];
  const person = await personOf(ctx, params.p ?? '');
  if (!person) return [text(SAY.notFound)];
  if (!person.active) return [text(SAY.alreadyRevoked(person.name))];
  const shown = listed(ctx, person);
  const before = rolesOf(params.b ?? '0');
  switch (action) {
    case A.staffRoles.name:
      return [rolesChooser(shown, before, params.r === undefined ? before : rolesOf(params.r))];
    case A.staffRolesNext.name: {
      const after = rolesOf(params.r ?? '0');
      if (after.length === 0) return [rolesChooser(shown, before, after, SAY.needRole)];
      if (rolesTh(after) === rolesTh(before)) return [rolesChooser(shown, before, after, SAY.sameRoles)];
      return [rolesConfirmation(shown, before, after)];
    }
    case A.staffRolesConfirm.name:
      return change(ctx, person, { roles: rolesOf(params.r ?? '0') }, before);
    case A.staffRevoke.name:
      return [revokeConfirmation(shown)];
    case A.staffRevokeConfirm.name:
      return change(ctx, person, 'revoke', before);
    default:
      return [text(CHAT_TEXT.oldButton)];
  }
}

/** `เจ้าหน้าที่`: the admin's list of staff by unit, each with buttons to change their roles or revoke them. */
export const manageStaff: Feature = {
  name: 'manageStaff',
  words: STAFF_WORDS,
  meaning: STAFF_MEANING,
  actions: STAFF_ACTIONS,
  menu: [{ for: ['admin'], order: 92, button: STAFF_LABEL, help: SAY.help }],
  allowed: (sender) => hasRole(sender.roles, 'admin'),
  refusal: SAY.refusal,
  async handle(ctx) {
    if (ctx.input.kind === 'postback') return pressed(ctx, ctx.input.action, ctx.input.params);
    return list(ctx, 0);
  },
};
