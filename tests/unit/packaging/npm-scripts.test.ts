/**
 * The npm scripts that build before testing build where the tests look. The browser shell serves
 * `out/renderer`; `electron-vite build --outDir out` resolves the renderer's out dir against the
 * renderer root and writes `renderer/out/renderer`, so e2e would run against a stale or missing
 * build. Both scripts build exactly as `npm test` does (scripts/run-tests.mjs: `electron-vite build`).
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const packageJson = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../package.json'), 'utf8')) as { scripts: Record<string, string> }

describe('npm scripts that build first', () => {
  it.each(['test:e2e', 'test:electron'])('%s builds into out/ like npm test (no --outDir)', (script) => {
    expect(packageJson.scripts[script]?.split(' && ')[0]).toBe('electron-vite build')
  })
})
