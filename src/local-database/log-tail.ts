import { readFileSync } from 'node:fs';

/** The last lines of a database server's log file, to say why it did not start. */
export function logTail(file: string, lines = 20): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}
