import { describe, expect, it } from 'vitest';
import { FEATURES } from '../../src/chat/features.js';
import { SWITCH_ACTIONS } from '../../src/features/common/switch.actions.js';
import { z } from 'zod';
import { actionsByName, checkedParams, DECLARED_ACTIONS, declaredAction } from '../../src/chat/actions.js';
import { postbackAction } from '../../src/line/postback-action.js';
import { parsePostbackData, postbackData } from '../../src/line/postback.js';
import * as CARD_ACTIONS from '../../src/flex/actions.js';
import { CASE_ACTIONS } from '../../src/features/case-actions/actions.js';

/** The action names buttons carried before the features declared them: old buttons stay in people's chats. */
const NAMES_IN_CHATS = [
  'cancel', 'sw', 'sw.keep', 'rp.pick', 'rp.page', 'rp.status', 'rp.confirm', 'rp.brief', 'ms.reopen', 'ms.edit', 'cm.kind', 'cm.submit',
  'cp.take', 'cp.status', 'cp.set', 'cp.note', 'cp.explain', 'cp.ev', 'cp.log', 'cp.photo', 'cp.cat', 'cp.catset', 'cp.fwd',
  'cz.rate', 'cz.fixed', 'cz.wd', 'cz.wdok', 'cz.info', 'cz.photos', 'rp.ev', 'rx', 'sum.overdue', 'sum.ou', 'sum.oc', 'fu.o',
  'oit.pick', 'oit.page', 'oit.has', 'oit.confirm', 'oit.rv', 'oit.ok', 'oit.back',
];

describe('postback actions declared by the features', () => {
  it('still answers every action name a button in someone’s chat may carry', () => {
    for (const name of NAMES_IN_CHATS) expect(declaredAction(name), name).toBeDefined();
  });

  it('every action a feature declares is in the app’s vocabulary, and every action but the router’s own belongs to one feature', () => {
    const owners = new Map<string, string[]>();
    for (const feature of FEATURES) {
      for (const action of Object.values(feature.actions ?? {})) {
        expect(declaredAction(action.name), `${feature.name}: ${action.name}`).toBe(action);
        owners.set(action.name, [...(owners.get(action.name) ?? []), feature.name]);
      }
    }
    const routers = new Set<string>(Object.values(SWITCH_ACTIONS).map((a) => a.name));
    for (const { name } of DECLARED_ACTIONS) {
      if (routers.has(name)) continue;
      expect(owners.get(name), name).toHaveLength(1);
    }
  });

  it('builds a button’s data from its declaration, and refuses data its handler would refuse', () => {
    const data = postbackData(CASE_ACTIONS.caseSetStatus, { c: '65f0c0ffee00000000000001', s: 'resolved' });
    expect(parsePostbackData(data)).toEqual({ action: 'cp.set', params: { c: '65f0c0ffee00000000000001', s: 'resolved' } });
    expect(() => postbackData(CASE_ACTIONS.caseSetStatus, { c: '65f0c0ffee00000000000001', s: 'done' as never })).toThrow(/cp.set/);
    expect(checkedParams('cp.set', { c: '65f0c0ffee00000000000001', s: 'done' })).toBeNull();
    expect(checkedParams('cp.take', {})).toBeNull();
    // Extras a card never puts on a button are dropped before a handler sees them.
    expect(checkedParams('cp.take', { c: 'x', $where: '1' })).toEqual({ c: 'x' });
    // A name nobody declares is left to the router's answer for unknown buttons.
    expect(checkedParams('action', { x: '1' })).toEqual({ x: '1' });
  });

  it('refuses two actions under one name, as an old button could then reach the wrong handler', () => {
    expect(() => actionsByName([postbackAction('cp.take', z.object({})), postbackAction('cp.take', z.object({}))])).toThrow(/cp.take/);
    expect(DECLARED_ACTIONS.length).toBe(new Set(DECLARED_ACTIONS.map((a) => a.name)).size);
  });

  it('names every action the shared cards put on a button, so a pressed card button reaches its feature', () => {
    for (const group of Object.values(CARD_ACTIONS)) for (const action of Object.values(group)) expect(declaredAction(action.name), action.name).toBe(action);
  });
});
