import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger('info', stream), lines: () => lines.map((l) => JSON.parse(l) as Record<string, any>) };
}

describe('logged errors', () => {
  it('keep their stack and cause, and none of the fields that may hold what a person typed', () => {
    const { log, lines } = capture();
    const error = Object.assign(new Error('Complaint validation failed', { cause: new TypeError('inner') }), {
      code: 11000,
      keyValue: { story: 'ผมชื่อมานะ 081-234-5678' },
      errors: { story: { value: 'ผมชื่อมานะ 081-234-5678' } },
    });
    log.error({ err: error }, 'something failed');
    const [line] = lines();
    expect(line!.err.stack).toContain('log.test.ts');
    expect(line!.err.type).toBe('Error');
    expect(line!.err.code).toBe(11000);
    expect(line!.err.cause.type).toBe('TypeError');
    expect(JSON.stringify(line)).not.toContain('มานะ');
  });
});
