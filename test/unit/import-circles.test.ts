import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Each source file's relative imports (type-only ones too: they tie the modules together just the same). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const specs = [...readFileSync(file, 'utf8').matchAll(/(?:import|export)\s[^;]*?from\s+'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
    graph.set(file, specs.map((s) => resolve(dirname(file), s.replace(/\.js$/, '.ts'))));
  }
  return graph;
}

/** The first import circle found, as the files along it, or null. */
function findCircle(graph: Map<string, string[]>): string[] | null {
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (file: string): string[] | null => {
    const at = path.indexOf(file);
    if (at >= 0) return [...path.slice(at), file];
    if (done.has(file)) return null;
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      const circle = visit(next);
      if (circle) return circle;
    }
    path.pop();
    done.add(file);
    return null;
  };
  for (const file of graph.keys()) {
    const circle = visit(file);
    if (circle) return circle.map((f) => f.slice(SRC.length + 1));
  }
  return null;
}

describe('the modules of src/', () => {
  it('import one another without a circle (the chat router and the group chat once did, and two report modules)', () => {
    expect(findCircle(importGraph())).toBeNull();
  });
});

describe('the features of src/features/', () => {
  const graph = importGraph();
  const inside = (folder: string) => (file: string) => file.startsWith(join(SRC, folder) + '/');
  // A test beside a feature may drive it through the router; only the code is held to the layers.
  const arrows = (from: (file: string) => boolean, to: (file: string) => boolean) =>
    [...graph].flatMap(([file, targets]) => (from(file) && !file.endsWith('.test.ts') ? targets.filter(to).map((t) => `${file.slice(SRC.length + 1)} → ${t.slice(SRC.length + 1)}`) : []));

  it('never import the router above them (src/chat/): what they share is in src/features/common/', () => {
    expect(arrows(inside('features'), inside('chat'))).toEqual([]);
  });

  it('are not imported by what they share, nor by jobs, domain, storage or LINE', () => {
    const below = ['features/common', 'dialogs', 'flex', 'jobs', 'domain', 'db', 'line', 'outbox'].map(inside);
    const feature = (file: string) => inside('features')(file) && !inside('features/common')(file);
    expect(arrows((file) => below.some((b) => b(file)), feature)).toEqual([]);
  });
});

describe('storage (src/db/)', () => {
  it('imports only the data shapes of domain/, the sealing of security/, the configuration and the local database it may start: nothing above it', () => {
    const graph = importGraph();
    const db = join(SRC, 'db') + '/';
    const allowed = ['db', 'domain', 'security', 'local-database'].map((f) => join(SRC, f) + '/');
    const up = [...graph].flatMap(([file, targets]) => (file.startsWith(db) ? targets.filter((t) => t !== join(SRC, 'config.ts') && !allowed.some((a) => t.startsWith(a))).map((t) => `${file.slice(SRC.length + 1)} → ${t.slice(SRC.length + 1)}`) : []));
    expect(up).toEqual([]);
  });
});
