import { stillUnreported } from '../../domain/executive-groups.js';
import { figures } from '../../domain/figures.js';
import { hasRole } from '../../domain/roles.js';
import { followUpOfficerText } from '../../flex/follow-up-cards.js';
import { text } from '../../line/messages.js';
import type { Feature } from '../common/context.js';
import { FOLLOW_UP_RESULT_ACTIONS } from './actions.js';

/**
 * The button on an officer's card of the follow-up result: what that officer still has not reported since
 * the follow-up asked, as it stands now. Only executives receive those cards, so only they may press it.
 */
export const followUpResult: Feature = {
  name: 'followUpResult',
  actions: FOLLOW_UP_RESULT_ACTIONS,
  allowed: (sender) => hasRole(sender.roles, 'executive'),
  refusal: 'ปุ่มนี้สำหรับผู้บริหารเท่านั้น',
  async handle(ctx) {
    if (ctx.input.kind !== 'postback') return [];
    const { p = '', o = '' } = ctx.input.params;
    const run = /^\d{4}-\d{2}$/.test(p) ? await ctx.stores.jobRuns.doneRun('follow-up', p) : null;
    if (!run) return [text('ไม่พบผลการติดตามครั้งนั้นแล้ว')];
    const ids = [...new Set(run.listed.flatMap((l) => l.measureIds))];
    const unreported = stillUnreported(await ctx.stores.measures.measureProgress(ids), run.asOf);
    return [text(followUpOfficerText({ period: run.period, asOf: run.asOf, asked: run.listed }, unreported, o, figures(ctx.org.digits)))];
  },
};
