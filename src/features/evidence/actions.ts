import { z } from 'zod';
import { param, postbackAction } from '../../line/postback-action.js';

export const EVIDENCE_ACTIONS = {
  /** The evidence of one progress report: its measure and the moment it was saved (milliseconds). */
  reportEvidence: postbackAction('rp.ev', z.object({ m: param.id, t: param.count })),
} as const;
