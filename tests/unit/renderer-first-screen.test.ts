/**
 * The renderer's first screen (everything renderer/src/main.tsx imports statically) stays lean:
 * no zod and no diagnostics rules. They load lazily with the device detail (issue 19); one static
 * import of a module that uses zod would put all of zod back into the first file.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importTarget } from '../support/import-graph'

const root = resolve(import.meta.dirname, '../..')

/** Value imports and re-exports (not `import type`, not `import()`), and side-effect imports. */
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\s)[^'"`;]*?from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm

/** The file a target path names (.ts, .tsx or an index), or null when it is not source (CSS, JSON). */
function sourceFile(target: string): string | null {
  for (const candidate of [`${target}.ts`, `${target}.tsx`, `${target}/index.ts`, target]) {
    if (/\.(ts|tsx)$/.test(candidate) && existsSync(join(root, candidate))) return candidate
  }
  return null
}

/** Every source file and package the entry reaches through static imports, with the chain to each package. */
function staticGraph(entry: string): Map<string, string[]> {
  const reached = new Map<string, string[]>([[entry, [entry]]])
  const queue = [entry]
  while (queue.length > 0) {
    const file = queue.shift()!
    const chain = reached.get(file)!
    for (const match of readFileSync(join(root, file), 'utf8').matchAll(STATIC_IMPORT)) {
      const specifier = (match[1] ?? match[2])!
      const target = importTarget(file, specifier)
      const next = target === null ? `package:${specifier}` : sourceFile(target)
      if (next === null || reached.has(next)) continue
      reached.set(next, [...chain, next])
      if (!next.startsWith('package:')) queue.push(next)
    }
  }
  return reached
}

describe('the renderer first screen', () => {
  const graph = staticGraph('renderer/src/main.tsx')

  it('reaches the app shell, the store and the lookup', () => {
    expect(graph.has('renderer/src/app.tsx')).toBe(true)
    expect(graph.has('renderer/src/store/create-app-store.ts')).toBe(true)
    expect(graph.has('renderer/src/views/device/device-view.tsx')).toBe(true) // the lookup form is in it
  })

  it('imports no zod, not even through electron/common', () => {
    const zod = [...graph.entries()].filter(([node]) => node.startsWith('package:zod')).map(([, chain]) => chain.join(' -> '))
    expect(zod).toEqual([])
  })

  it('imports neither the device detail nor the diagnostics rules (they load lazily)', () => {
    const eager = [...graph.keys()].filter((node) => node === 'renderer/src/views/device/device-detail.tsx' || node.startsWith('electron/common/diagnostics/'))
    expect(eager).toEqual([])
  })
})
