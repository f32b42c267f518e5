import { z } from 'zod';
import { param, postbackAction } from '../../line/postback-action.js';

/** "ก่อนหน้านี้": the page of lines older than the last one shown (`t` its time in milliseconds, `i` its id). */
export const ADMIN_LOG_ACTIONS = {
  adminLogOlder: postbackAction('al.p', z.object({ t: param.count, i: z.string().regex(/^[0-9a-f]{24}$/) })),
} as const;
