/**
 * The executives' LINE group: one group an organisation may link, which then receives what executives are
 * sent by the scheduled jobs (the monthly summary, the follow-up results, the count of general complaints
 * past the 15-day rule). Linking takes a one-time code an executive asks for in their own chat and sends in
 * the group, so that a group is linked only by someone who is an executive both in the chat and in the group.
 */

import type { GroupChoice } from './executive-group-choice.js';

/** How long a link code may be used after it was given. */
export const GROUP_LINK_CODE_MINUTES = 30;

/** The organisation's linked group as the jobs need it: where to push, and the keyed hash that stands for it in keys and logs. */
export interface ExecutiveGroup {
  groupId: string;
  groupKey: string;
  /** What the group chose to receive (executive-group-choice.ts). */
  choice: GroupChoice;
}

export type GroupLinkResult = 'linked' | 'unknown' | 'used' | 'expired';
