import { eventState } from '../../src/db/event-store.js';

/** How many of these events have finished (answered or deliberately ignored) and left the inbox. */
export async function countFinished(eventIds: string[]): Promise<number> {
  const states = await Promise.all(eventIds.map((id) => eventState(id)));
  return states.filter((s) => s === 'done').length;
}
