import type { NoticeDeps } from '../../outbox/enqueue-notice.js';
import type { ChatContext } from './context.js';

/** What a feature's notices need from the event: its organisation, clock and notice timing (held, merged or at once). */
export const noticeDeps = (ctx: ChatContext): NoticeDeps => ({ orgId: ctx.org.id, sealer: ctx.sealer, now: ctx.now, timing: ctx.org.notices, kick: ctx.kickOutbox });
