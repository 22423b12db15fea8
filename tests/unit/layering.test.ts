import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importEdges, importSpecifiers, importTarget } from '../support/import-graph'
import { layeringViolation } from '../support/layering-rules'

const root = resolve(import.meta.dirname, '../..')

describe('layering', () => {
  it('finds imports of every form', () => {
    const source = `import a from './a'\nimport type { B } from "../b"\nexport { c } from './c'\nimport './side-effect'\nconst d = await import('./d')\n`
    expect(importSpecifiers(source)).toEqual(['./a', '../b', './c', './side-effect', './d'])
  })

  it.each([
    ['renderer/src/x.ts', '../../electron/main/index', 'renderer imports main/preload'],
    ['renderer/src/x.ts', 'electron', 'renderer imports Electron or Node'],
    ['electron/common/x.ts', '../../renderer/src/app', 'common imports main/preload/renderer'],
    ['electron/common/x.ts', '../main/logger', 'common imports main/preload/renderer'],
    ['electron/common/x.ts', 'node:fs', 'common imports Electron or Node'],
    ['electron/main/x.ts', '../../renderer/src/app', 'main imports renderer/preload'],
    ['electron/preload/x.ts', '../main/logger', 'preload imports something other than the contract'],
    ['electron/preload/x.ts', 'zod', 'preload imports a package'],
    ['renderer/src/x.ts', '@main/logger', 'renderer imports main/preload'],
    ['electron/common/x.ts', '@renderer/app', 'common imports main/preload/renderer'],
    ['electron/preload/x.ts', '@main/logger', 'preload imports something other than the contract'],
  ])('flags %s importing %s', (from, specifier, expected) => {
    const target = importTarget(from, specifier)
    expect(layeringViolation({ from, specifier, target })).toBe(expected)
  })

  it('allows the permitted directions', () => {
    expect(layeringViolation({ from: 'renderer/src/x.ts', specifier: '../../electron/common/errors', target: 'electron/common/errors' })).toBeNull()
    expect(layeringViolation({ from: 'electron/main/x.ts', specifier: '../common/errors', target: 'electron/common/errors' })).toBeNull()
    expect(layeringViolation({ from: 'electron/preload/index.ts', specifier: '../common/ipc/contract', target: 'electron/common/ipc/contract' })).toBeNull()
  })

  it('holds for every source file in the project', () => {
    const edges = importEdges(root, ['electron', 'renderer/src'])
    expect(edges.length).toBeGreaterThan(20)
    const violations = edges.flatMap((edge) => {
      const why = layeringViolation(edge)
      return why ? [`${edge.from} → ${edge.specifier}: ${why}`] : []
    })
    expect(violations).toEqual([])
  })
})
