import type { CommandStartedEvent } from 'mongodb';
import mongoose from 'mongoose';

/** One database command as the driver sent it: its name and the collection it named. */
export interface SentCommand {
  name: string;
  collection: string;
}

/**
 * What the app's timers do whatever the events (the outbox sender's tick, the jobs' schedules, the tenant
 * directory's refresh of every organisation, the maintenance sweep), told apart by what they ask: none of it
 * is the cost of a step, and it would fall into whichever step it met.
 */
function isBackground(name: string, collection: string, command: Record<string, any>): boolean {
  if (['outbox', 'outbox_attempts', 'job_runs', 'job_run_takeovers', 'job_run_outcomes'].includes(collection)) return true;
  const filter = command.filter ?? command.deletes?.[0]?.q ?? {};
  // An event reads its own organisation by `_id`; the refresh and the per-minute tick read them all.
  if (collection === 'organisations' && name === 'find') return !('_id' in filter);
  return collection === 'conversations' && name === 'delete' && 'expiresAt' in filter;
}

/**
 * Counts the database commands the app sends, through the driver's command monitoring. The connection must
 * have been opened with `monitorCommands=true` in its URI (`withCommandMonitoring`): a pool's connections
 * decide whether they report when they are made.
 */
export function watchCommands(): { take(): SentCommand[]; stop(): void } {
  const client = mongoose.connection.getClient();
  let seen: SentCommand[] = [];
  // The app's own timers (see isBackground) are left out.
  const onStarted = (event: CommandStartedEvent) => {
    // The driver's own heartbeats and handshakes are not the app's work.
    if (['hello', 'ismaster', 'isMaster', 'ping', 'endSessions'].includes(event.commandName)) return;
    const target = event.command[event.commandName];
    if (typeof target === 'string' && isBackground(event.commandName, target, event.command)) return;
    seen.push({ name: event.commandName, collection: typeof target === 'string' ? target : '' });
  };
  client.on('commandStarted', onStarted);
  return {
    take() {
      const taken = seen;
      seen = [];
      return taken;
    },
    stop() {
      client.off('commandStarted', onStarted);
    },
  };
}

/** The URI with the driver's command monitoring switched on. */
export function withCommandMonitoring(uri: string): string {
  return `${uri}${uri.includes('?') ? '&' : '?'}monitorCommands=true`;
}

/** "find staff, find conversations, …": a step's commands, to read in a failing assertion. */
export const describeCommands = (commands: SentCommand[]) => commands.map((c) => `${c.name} ${c.collection}`).join(', ');
