import { figures } from '../../domain/figures.js';
import { hasRole, rolesTh } from '../../domain/roles.js';
import { nameOf } from '../../domain/staff.js';
import { text, type Message } from '../../line/messages.js';
import type { ChatContext, Feature } from '../common/context.js';
import { INVITE_ACTIONS } from './actions.js';
import { inviteMade } from './cards.js';
import { askRoles, continueInvite, DIALOG, isInviteState, repeatInvitePrompt, type InviteEffect } from './dialog.js';
import { INVITE_LABEL, INVITE_MEANING, INVITE_TEXT as SAY, INVITE_VALID_HOURS, INVITE_WORDS } from './words.js';

const isAdmin = (ctx: Pick<ChatContext, 'sender'>) => hasRole(ctx.sender.roles, 'admin');

async function makeInvite(ctx: ChatContext, { draft }: InviteEffect): Promise<Message[]> {
  const staff = ctx.sender.staff;
  if (!staff || !isAdmin(ctx)) return [text(SAY.notAdmin)];
  const inviter = nameOf(staff);
  const { code, expiresAt } = await ctx.stores.staffAdmin.inviteStaff({
    roles: draft.roles,
    unit: draft.unit,
    position: draft.position,
    scope: draft.scope,
    validHours: INVITE_VALID_HOURS,
    actor: ctx.stores.staffAdmin.lineActor(ctx.sender.userId, inviter),
    now: ctx.now,
    requestKey: ctx.eventId,
  });
  const organisation = (await ctx.stores.organisations.findOrganisation())?.name ?? '';
  return inviteMade({ inviter, organisation, roles: rolesTh(draft.roles), code, until: figures(ctx.org.digits).dateTime(expiresAt) });
}

/** `เชิญเจ้าหน้าที่`: the admin's invitation, ending in a one-time code and a button that forwards it in LINE. */
export const inviteStaff: Feature = {
  name: 'inviteStaff',
  words: INVITE_WORDS,
  meaning: INVITE_MEANING,
  actions: INVITE_ACTIONS,
  menu: [{ for: ['admin'], order: 91, button: INVITE_LABEL, help: SAY.help }],
  allowed: (sender) => hasRole(sender.roles, 'admin'),
  refusal: SAY.refusal,
  startsDialog: true,
  async handle(ctx) {
    const units = await ctx.stores.staffAdmin.knownUnits(await ctx.org.activeFiscalYear());
    return ctx.run(askRoles({ roles: [], unit: null, position: null, scope: null, units }));
  },
  dialog: {
    name: DIALOG,
    // Its answers are typed or pressed: a file sent meanwhile goes to the file import.
    takesMedia: () => false,
    async continue(ctx) {
      if (!isInviteState(ctx.dialog)) return [];
      if (!isAdmin(ctx)) {
        await ctx.endDialog();
        return [text(SAY.notAdmin)];
      }
      return ctx.run(continueInvite(ctx.dialog, ctx.input, figures(ctx.org.digits)), (effect) => makeInvite(ctx, effect));
    },
    resume: async (ctx) => (isInviteState(ctx.dialog) ? repeatInvitePrompt(ctx.dialog, figures(ctx.org.digits)) : []),
  },
};
