import { z } from 'zod';
import { STAFF_ROLES } from '../../domain/roles.js';
import { noParams, postbackAction } from '../../line/postback-action.js';

/** The invitation dialog's own buttons: a role chosen or dropped (`r`), on to the next step, the summary confirmed. */
export const INVITE_ACTIONS = {
  inviteRole: postbackAction('iv.r', z.object({ r: z.enum(STAFF_ROLES) }), { inDialog: true }),
  inviteNext: postbackAction('iv.n', noParams, { inDialog: true }),
  inviteConfirm: postbackAction('iv.ok', noParams, { inDialog: true }),
} as const;
