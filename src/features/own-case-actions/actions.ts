import { z } from 'zod';
import { OWN_CASE_CARD_ACTIONS } from '../../flex/actions.js';
import { param, postbackAction } from '../../line/postback-action.js';

const aCase = z.object({ c: param.id });

/** A citizen's own case: rate it, say whether it is fixed, withdraw it (asked, then confirmed), add information, see the after-fix photos. */
export const OWN_CASE_ACTIONS = {
  ...OWN_CASE_CARD_ACTIONS,
  ownFixed: postbackAction('cz.fixed', z.object({ c: param.id, s: param.count, f: param.flag })),
  ownWithdrawConfirm: postbackAction('cz.wdok', aCase),
} as const;
