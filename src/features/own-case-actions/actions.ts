import { z } from 'zod';
import { param, postbackAction } from '../../line/postback-action.js';

const aCase = z.object({ c: param.id });

/** A citizen's own case: rate it, say whether it is fixed, withdraw it (asked, then confirmed), add information, see the after-fix photos. */
export const OWN_CASE_ACTIONS = {
  /** `s`: the stars chosen; without it, the stars are asked. */
  ownRate: postbackAction('cz.rate', z.object({ c: param.id, s: param.count.optional() })),
  ownFixed: postbackAction('cz.fixed', z.object({ c: param.id, s: param.count, f: param.flag })),
  /** `no=1`: the answer "do not withdraw" to the confirmation. */
  ownWithdraw: postbackAction('cz.wd', z.object({ c: param.id, no: z.literal('1').optional() })),
  ownWithdrawConfirm: postbackAction('cz.wdok', aCase),
  ownAddInfo: postbackAction('cz.info', aCase),
  ownPhotos: postbackAction('cz.photos', aCase),
} as const;
