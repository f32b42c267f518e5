import { readdirSync, readFileSync } from 'node:fs';

/** Linux's clock ticks a second (`getconf CLK_TCK`), the unit of /proc/<pid>/stat's CPU times. */
const TICKS_PER_SECOND = 100;

interface ProcessCpu {
  pid: number;
  ppid: number;
  name: string;
  /** User and system time, its own and that of its children it has waited for, in ms. */
  ms: number;
}

function processes(): ProcessCpu[] {
  const out: ProcessCpu[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The name is in parentheses and may hold spaces; the fields after it are space-separated.
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
      out.push({ pid: Number(entry), ppid: Number(fields[1]), name, ms: (ticks * 1000) / TICKS_PER_SECOND });
    } catch {
      // It ended while the list was read.
    }
  }
  return out;
}

/** CPU time so far of the app, FerretDB, PostgreSQL (every process of each) and this bench process, in ms. */
export interface CpuSample {
  app: number;
  ferretdb: number;
  postgres: number;
  /** The load generator and the fake LINE API, which run in the bench's own process. */
  bench: number;
}

/**
 * Reads the CPU time of the processes a bench started (its descendants), by what they are: per-process CPU
 * rather than wall time, so that a machine shared with other work gives comparable figures.
 */
export function sampleCpu(appPid: number): CpuSample {
  const all = processes();
  const children = new Map<number, ProcessCpu[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const sample: CpuSample = { app: 0, ferretdb: 0, postgres: 0, bench: 0 };
  const walk = (pid: number, under: keyof CpuSample | null) => {
    for (const child of children.get(pid) ?? []) {
      const kind = child.pid === appPid ? 'app' : /^postgres|^postmaster/.test(child.name) ? 'postgres' : /ferretdb/i.test(child.name) ? 'ferretdb' : under;
      // A process's time includes its children's once it has waited for them, and theirs is not counted until then.
      if (kind) sample[kind] += child.ms;
      walk(child.pid, kind);
    }
  };
  walk(process.pid, null);
  const usage = process.cpuUsage();
  sample.bench = (usage.user + usage.system) / 1000;
  return sample;
}

/** CPU per unit of work between two samples, in ms, by process and in all. */
export function cpuPer(before: CpuSample, after: CpuSample, units: number) {
  const per = (k: keyof CpuSample) => Math.round(((after[k] - before[k]) / units) * 100) / 100;
  const app = per('app');
  const ferretdb = per('ferretdb');
  const postgres = per('postgres');
  const bench = per('bench');
  return { app, ferretdb, postgres, benchAndFakeLine: bench, serverSide: Math.round((app + ferretdb + postgres) * 100) / 100, all: Math.round((app + ferretdb + postgres + bench) * 100) / 100 };
}
