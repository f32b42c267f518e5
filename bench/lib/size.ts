/**
 * How big a benchmark runs: `small` (BENCH_SIZE=small) for CI, where a bench proves it still reaches the end
 * of its work and that its checks hold, in seconds; the default sizes for the figures of docs/performance.md;
 * `full` (BENCH_FULL=1) for the issues' national sizes.
 */
export type BenchSize = 'small' | 'default' | 'full';

export const BENCH_SIZE: BenchSize = process.env.BENCH_FULL === '1' ? 'full' : process.env.BENCH_SIZE === 'small' ? 'small' : 'default';

/** The value for the size this run has (the default one where a bench has no full size of its own). */
export function bySize<T>(values: { small: T; default: T; full?: T }): T {
  return BENCH_SIZE === 'full' ? (values.full ?? values.default) : values[BENCH_SIZE];
}
