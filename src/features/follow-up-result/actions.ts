import { z } from 'zod';
import { param, postbackAction } from '../../line/postback-action.js';

export const FOLLOW_UP_RESULT_ACTIONS = {
  /** An officer's card on the follow-up result: what they still have not reported (`p`: the follow-up's month, `o`: the group's key, or `rest`). */
  followUpOfficer: postbackAction('fu.o', z.object({ p: param.token, o: param.token })),
} as const;
