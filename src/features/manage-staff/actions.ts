import { z } from 'zod';
import { noParams, param, postbackAction } from '../../line/postback-action.js';

/** A person on a button: their keyed hash (`Sealer.userKey`), which does not reveal their LINE id. */
const person = z.string().regex(/^uk_[A-Za-z0-9_-]{32}$/);
/** A set of roles as a bit mask over STAFF_ROLES, in digits. */
const roles = z.string().regex(/^\d{1,3}$/);

/**
 * The staff list's buttons. Each carries what its press means (the person, the roles they had when the admin
 * looked `b`, the roles chosen `r`), so a press is judged against the person as they now are, from anywhere.
 */
export const STAFF_ACTIONS = {
  staffPage: postbackAction('sf.pg', z.object({ pg: param.count })),
  staffRoles: postbackAction('sf.ro', z.object({ p: person, b: roles, r: roles.optional() })),
  staffRolesNext: postbackAction('sf.rn', z.object({ p: person, b: roles, r: roles })),
  staffRolesConfirm: postbackAction('sf.rk', z.object({ p: person, b: roles, r: roles })),
  staffRevoke: postbackAction('sf.rv', z.object({ p: person })),
  staffRevokeConfirm: postbackAction('sf.rx', z.object({ p: person, b: roles })),
  staffCancel: postbackAction('sf.no', noParams),
} as const;
