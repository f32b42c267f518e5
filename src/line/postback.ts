import type { z } from 'zod';
import type { PostbackAction, PostbackParams } from './postback-action.js';

/**
 * Postback data is a URL query string: short and easy to read in logs. The params are checked against the
 * action's schema here too, so a card cannot put on a button what its handler would refuse. The action is the
 * declaration itself (`REPORT_ACTIONS.reportPick`), so its params are typed by its schema.
 */
export function postbackData<S extends z.ZodType<PostbackParams>>(action: PostbackAction<string, S>, params: z.input<S> = {} as z.input<S>): string {
  const checked = action.params.safeParse(params);
  if (!checked.success) throw new Error(`postback ${action.name}: params do not fit its schema (${checked.error.issues.map((i) => i.path.join('.')).join(', ')})`);
  const given = Object.entries(params as PostbackParams).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return new URLSearchParams([['a', action.name], ...given]).toString();
}

export function parsePostbackData(data: string): { action: string; params: Record<string, string> } {
  const params = Object.fromEntries(new URLSearchParams(data));
  const { a = '', ...rest } = params;
  return { action: a, params: rest };
}
