import { FOLLOW_UP_CARD_ACTIONS } from '../../flex/actions.js';

export const FOLLOW_UP_RESULT_ACTIONS = {
  ...FOLLOW_UP_CARD_ACTIONS,
} as const;
