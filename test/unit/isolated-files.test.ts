import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISOLATED } from '../support/isolated-files.js';

/** Every test file under `dir`, as a path from the repository's root. */
function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('test files that replace a module', () => {
  it('load the app afresh: each is listed in ISOLATED, and nothing else is', () => {
    // Among files that share loaded modules, a mock would miss every module an earlier file already loaded.
    const mocking = [...testFiles('test'), ...testFiles('src')].filter((file) => /\bvi\.(mock|doMock)\(/.test(readFileSync(file, 'utf8'))).sort();
    expect(mocking).toEqual([...ISOLATED].sort());
  });
});
