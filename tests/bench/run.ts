/**
 * `npm run bench`: runs every `tests/bench/*.bench.ts` (each default-exports a `Benchmark`) and
 * prints one table of figures. Nothing here asserts on time; the figures go into issue notes.
 * Pass names to run a subset: `npm run bench -- snapshots`. A `*.opt-in.bench.ts` (one that takes
 * minutes, such as preparing a 200-charger visit at the real rate limit) runs only when named.
 */
import { readdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Benchmark, BenchFigure } from './bench-types'

const here = dirname(fileURLToPath(import.meta.url))
const filters = process.argv.slice(2)
const files = (await readdir(here))
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => (filters.length === 0 ? !name.endsWith('.opt-in.bench.ts') : filters.some((f) => name.includes(f))))
  .sort()

const rows: Array<BenchFigure & { suite: string }> = []
let failures = 0
for (const file of files) {
  const suite = file.replace(/(\.opt-in)?\.bench\.ts$/, '')
  process.stderr.write(`bench: ${suite} …\n`)
  try {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: Benchmark }
    for (const figure of await mod.default()) rows.push({ suite, ...figure })
  } catch (error) {
    failures += 1
    process.stderr.write(`bench: ${suite} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  }
}

const format = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 3 : 1))
const table = rows.map((r) => [r.suite, r.name, format(r.value), r.unit, r.note ?? ''])
const header = ['suite', 'measure', 'value', 'unit', 'note']
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)))
const line = (cells: string[]) => cells.map((c, i) => (i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd()
console.log(line(header))
console.log(widths.map((w) => '-'.repeat(w)).join('  '))
for (const row of table) console.log(line(row))
process.exitCode = failures ? 1 : 0
