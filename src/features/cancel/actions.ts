import { noParams, postbackAction } from '../../line/postback-action.js';

export const CANCEL_ACTIONS = {
  cancel: postbackAction('cancel', noParams),
} as const;
