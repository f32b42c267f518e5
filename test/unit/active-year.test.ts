import { describe, expect, it } from 'vitest';
import type { LineClient } from '../../src/line/client.js';
import { createLogger } from '../../src/log.js';
import { TenantDirectory } from '../../src/tenants/directory.js';

/** A directory over a stored year the test changes, with a clock it moves and a way to "set" a year in this process. */
function directoryOver(stored: Map<string, number>) {
  let now = 1_000_000;
  let reads = 0;
  let gate: Promise<void> = Promise.resolve();
  const listeners = new Set<(orgId: string, fiscalYear: number) => void>();
  const directory = new TenantDirectory({
    defaultTenant: null,
    loadChannels: async () => [],
    clientFor: () => ({}) as LineClient,
    log: createLogger('silent'),
    loadYear: async (orgId) => {
      reads++;
      const year = stored.get(orgId)!;
      await gate;
      return year;
    },
    watchYears: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    yearTtlMs: 5_000,
    clock: () => now,
  });
  return {
    directory,
    reads: () => reads,
    move: (ms: number) => (now += ms),
    /** What `updateOrganisation` does in this process: stores the year and tells the listeners. */
    set: (orgId: string, year: number) => {
      stored.set(orgId, year);
      for (const l of listeners) l(orgId, year);
    },
    hold: () => {
      let open!: () => void;
      gate = new Promise<void>((r) => (open = r));
      return () => open();
    },
  };
}

describe('the active year the tenant directory keeps', () => {
  it('is read once for many events, again once it is 5 s old, and never per event', async () => {
    const stored = new Map([['abt-a', 2568]]);
    const t = directoryOver(stored);
    await t.directory.start();
    const years = await Promise.all(Array.from({ length: 50 }, () => t.directory.activeFiscalYear('abt-a')));
    expect(new Set(years)).toEqual(new Set([2568]));
    expect(t.reads()).toBe(1);

    // Another process's import: not seen until the year is read again.
    stored.set('abt-a', 2569);
    t.move(4_000);
    expect(await t.directory.activeFiscalYear('abt-a')).toBe(2568);
    t.move(1_500);
    expect(await t.directory.activeFiscalYear('abt-a')).toBe(2569);
    expect(t.reads()).toBe(2);
    t.directory.stop();
  });

  it('takes a year this process sets at once, and a read under way at that moment does not put the old one back', async () => {
    const stored = new Map([['abt-a', 2568]]);
    const t = directoryOver(stored);
    await t.directory.start();
    expect(await t.directory.activeFiscalYear('abt-a')).toBe(2568);
    t.set('abt-a', 2569);
    expect(await t.directory.activeFiscalYear('abt-a')).toBe(2569);
    expect(t.reads()).toBe(1);

    // The year is old: a read starts, and this process sets a newer year before it returns.
    t.move(6_000);
    const open = t.hold();
    const during = t.directory.activeFiscalYear('abt-a');
    t.set('abt-a', 2570);
    open();
    expect(await during).toBe(2570);
    expect(await t.directory.activeFiscalYear('abt-a')).toBe(2570);

    // Once stopped, the directory no longer hears this process's changes.
    t.directory.stop();
    t.set('abt-a', 2571);
    expect(await t.directory.activeFiscalYear('abt-a')).toBe(2570);
  });
});
