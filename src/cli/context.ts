import type { Logger } from 'pino';

/** Runs `work` with the database open, given the organisation the command is for (ORG_CODE). */
export type WithDatabase = <T>(work: (orgId: string) => Promise<T>) => Promise<T>;

/**
 * What an operator command speaks to and runs against: the process's own streams, environment and database
 * (src/cli/main.ts), or a test's, so the commands can run in the test's process.
 */
export interface CliContext {
  /** One line of the command's result, as `console.log` would write it. */
  say(line: string): void;
  /** One line about a problem, to standard error. */
  complain(line: string): void;
  /** The command did not do what it was asked: the process exits with 1, after the command has finished. */
  fail(): void;
  /** The time the commands act at (the wall clock; a test moves it instead of waiting). */
  now(): Date;
  env: NodeJS.ProcessEnv;
  log: Logger;
  withDatabase: WithDatabase;
}
