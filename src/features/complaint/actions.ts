import { z } from 'zod';
import { COMPLAINT_KINDS } from '../../domain/complaints.js';
import { param, postbackAction } from '../../line/postback-action.js';

export const COMPLAINT_ACTIONS = {
  /** The kind of complaint, or `none` to the "file this as a complaint?" offer. */
  complaintKind: postbackAction('cm.kind', z.object({ k: z.enum([...COMPLAINT_KINDS, 'none']) }), { inDialog: true }),
  complaintSubmit: postbackAction('cm.submit', z.object({ d: param.token }), { inDialog: true }),
} as const;
