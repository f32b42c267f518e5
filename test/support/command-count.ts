import type { CommandStartedEvent } from 'mongodb';
import mongoose from 'mongoose';

/** One database command as the driver sent it: its name and the collection it named. */
export interface SentCommand {
  name: string;
  collection: string;
}

/**
 * Counts the database commands the app sends, through the driver's command monitoring. The connection must
 * have been opened with `monitorCommands=true` in its URI (`withCommandMonitoring`): a pool's connections
 * decide whether they report when they are made.
 */
export function watchCommands(): { take(): SentCommand[]; stop(): void } {
  const client = mongoose.connection.getClient();
  let seen: SentCommand[] = [];
  const onStarted = (event: CommandStartedEvent) => {
    // The driver's own heartbeats and handshakes are not the app's work.
    if (['hello', 'ismaster', 'isMaster', 'ping', 'endSessions'].includes(event.commandName)) return;
    const target = event.command[event.commandName];
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
