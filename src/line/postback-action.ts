import { z } from 'zod';

/** Postback params as LINE brings them back: every value a string (`URLSearchParams`). */
export type PostbackParams = Record<string, string | undefined>;

/**
 * One button action: the short name LINE carries as `a` (kept as it is forever: old buttons stay in people's
 * chats), and the schema of its params. A card builds the button's data from it and the router checks a
 * pressed button against it, so a handler never reads params that are missing, malformed or made up.
 */
export interface PostbackAction<N extends string = string, S extends z.ZodType<PostbackParams> = z.ZodType<PostbackParams>> {
  name: N;
  params: S;
  /** Answered only by its feature's dialog under way (a step's own buttons), never from anywhere else. */
  inDialog: boolean;
}

/** A feature's actions, by the key cards name them with (`REPORT_ACTIONS.reportPick`); chat/actions.ts registers them all. */
export type PostbackActions = Readonly<Record<string, PostbackAction>>;

export function postbackAction<const N extends string, S extends z.ZodType<PostbackParams>>(name: N, params: S, options: { inDialog?: boolean } = {}): PostbackAction<N, S> {
  return { name, params, inDialog: options.inDialog ?? false };
}

/** Shapes of the params the buttons carry. */
export const param = {
  /** A stored record's id (a case, a measure, an OIT item): the store answers "not found" to any other. */
  id: z.string().min(1).max(64),
  /** A value the bot made up and reads back (a draft's id, an answer's version, a group of cards' key). */
  token: z.string().max(200),
  /** A whole number written in digits (a page, a star rating, a moment in milliseconds). */
  count: z.string().regex(/^\d{1,15}$/),
  /** A yes/no switch carried as '1' or '0'. */
  flag: z.enum(['1', '0']),
};

/** An action with no params: any that come with it are ignored. */
export const noParams = z.object({});
