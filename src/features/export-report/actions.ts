import { z } from 'zod';
import { param, postbackAction } from '../../line/postback-action.js';

export const EXPORT_REPORT_ACTIONS = {
  /** `k`: the report kind (without one, or an unknown one, the kinds are offered); `go`: the answer to "the round is not over yet". */
  exportReport: postbackAction('rx', z.object({ k: param.token.optional(), go: z.enum(['yes', 'no']).optional() })),
} as const;
