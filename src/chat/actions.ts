import type { PostbackAction } from '../line/postback-action.js';
import { FEATURES } from './features.js';
import { SWITCH_ACTIONS } from '../features/common/switch.actions.js';

/**
 * Every postback action the bot answers, by the name a button carries: the features' own declarations (their
 * `actions`) and the router's. Built here, above the features, so nothing below them has to know them.
 * Names are never renamed, because old buttons stay in people's chats; names are unique, or the app refuses
 * to start.
 */
/** The actions by name; two sharing a name would make a pressed button ambiguous, so this refuses them. */
export function actionsByName(actions: readonly PostbackAction[]): ReadonlyMap<string, PostbackAction> {
  const byName = new Map<string, PostbackAction>();
  for (const action of actions) {
    if (byName.has(action.name)) throw new Error(`two postback actions share the name ${action.name}`);
    byName.set(action.name, action);
  }
  return byName;
}

/** Every action declared: the router's and each feature's (a feature lists the shared cards' actions it answers). */
export const DECLARED_ACTIONS: readonly PostbackAction[] = [...Object.values(SWITCH_ACTIONS), ...FEATURES.flatMap((f) => Object.values(f.actions ?? {}))];

const BY_NAME = actionsByName(DECLARED_ACTIONS);

/** The declaration of an action, by the name a button carries. */
export function declaredAction(name: string): PostbackAction | undefined {
  return BY_NAME.get(name);
}

/**
 * A pressed button's params as its action declares them (unknown extras dropped), or null when they do not
 * fit: tampered or damaged data, answered like a stale button. An action nobody declares is left as it is
 * (the router answers it as an unknown button).
 */
export function checkedParams(action: string, params: Record<string, string>): Record<string, string> | null {
  const declared = BY_NAME.get(action);
  if (!declared) return params;
  const checked = declared.params.safeParse(params);
  return checked.success ? (checked.data as Record<string, string>) : null;
}
