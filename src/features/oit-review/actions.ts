import { OIT_REVIEW_CARD_ACTIONS } from '../../flex/actions.js';

export const OIT_REVIEW_ACTIONS = {
  ...OIT_REVIEW_CARD_ACTIONS,
} as const;
