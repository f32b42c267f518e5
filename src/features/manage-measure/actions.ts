import { z } from 'zod';
import { param, postbackAction } from '../../line/postback-action.js';

export const MANAGE_MEASURE_ACTIONS = {
  measureReopen: postbackAction('ms.reopen', z.object({ m: param.id })),
  /** `f`: the field to edit (an unknown one is answered by the handler). */
  measureEdit: postbackAction('ms.edit', z.object({ m: param.id, f: param.token.optional() })),
} as const;
