/**
 * Store functions take the organisation first (`findStaff(orgId, lineUserId)`), so that every query in db/
 * names its tenant. A scoped view binds that first argument once, for one organisation: whoever holds the
 * view cannot ask about another organisation, because no function of it takes one.
 */

/** A store function with its organisation already given. */
export type OrgBound<F> = F extends (orgId: string, ...rest: infer A) => infer R ? (...rest: A) => R : never;

/** The names of a module's functions whose first parameter can be an organisation id. */
export type OrgFirst<M> = { [K in keyof M]: M[K] extends (orgId: string, ...rest: never[]) => unknown ? K : never }[keyof M];

/**
 * One store module seen from one organisation: `bound` functions with the organisation given, `unbound`
 * functions as they are (each list says why a function needs no organisation), and nothing else of the module.
 */
export type ScopedStore<M, B extends keyof M, U extends keyof M = never> = { readonly [K in B]: OrgBound<M[K]> } & { readonly [K in U]: M[K] };

/**
 * The view of `module` for `orgId`. Which functions are per-organisation is said by name, not guessed from
 * the types: `complaintFiledBy(eventId)` takes a string first too, and is not one.
 */
export function scopeStore<M, B extends OrgFirst<M>, U extends keyof M = never>(
  module: M,
  orgId: string,
  bound: readonly B[],
  unbound: readonly U[] = [],
): ScopedStore<M, B, U> {
  const view: Record<string, unknown> = {};
  for (const name of bound) {
    const f = module[name] as (orgId: string, ...rest: unknown[]) => unknown;
    view[name as string] = (...rest: unknown[]) => f(orgId, ...rest);
  }
  for (const name of unbound) view[name as string] = module[name];
  return Object.freeze(view) as ScopedStore<M, B, U>;
}
