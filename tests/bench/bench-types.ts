/** One measured figure printed by `npm run bench`. Benchmarks measure and print; they never assert on time. */
export interface BenchFigure {
  /** What was measured, e.g. "snapshot save (fsync), median". */
  name: string
  value: number
  unit: string
  /** Context: sample count, target, ratio, … */
  note?: string
}

/** A benchmark module's default export. */
export type Benchmark = () => Promise<BenchFigure[]>

/** Median of a list of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Percentile (0–100) of a list of numbers, nearest-rank. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank]!
}

/** Runs `fn` `runs` times after `warmup` unmeasured runs; returns each run's duration in ms. */
export async function timeRuns(fn: () => unknown, runs: number, warmup = Math.min(5, runs)): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn()
  const durations: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await fn()
    durations.push(performance.now() - start)
  }
  return durations
}
