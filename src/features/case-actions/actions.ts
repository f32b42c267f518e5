import { z } from 'zod';
import { COMPLAINT_STATUSES } from '../../domain/complaints.js';
import { param, postbackAction } from '../../line/postback-action.js';

const aCase = z.object({ c: param.id });

export const CASE_ACTIONS = {
  caseTake: postbackAction('cp.take', aCase),
  caseStatus: postbackAction('cp.status', aCase),
  caseSetStatus: postbackAction('cp.set', z.object({ c: param.id, s: z.enum(COMPLAINT_STATUSES) })),
  caseNote: postbackAction('cp.note', aCase),
  caseExplain: postbackAction('cp.explain', aCase),
  caseEvidence: postbackAction('cp.ev', aCase),
  caseLog: postbackAction('cp.log', aCase),
} as const;
