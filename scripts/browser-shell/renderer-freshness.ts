/**
 * Whether the built renderer (out/renderer) is older than its sources, so `npm run preview:browser`
 * rebuilds it instead of showing yesterday's UI.
 */
import { readdir, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'

/** What the renderer bundle is built from, relative to the project root. */
export const RENDERER_SOURCES = ['renderer', 'electron/common', 'electron.vite.config.ts', 'package.json'] as const

/** The newest modification time (ms) of a file or of any file under a folder; 0 when it does not exist. */
export async function newestModification(path: string): Promise<number> {
  const info = await stat(path).catch(() => null)
  if (info === null) return 0
  if (!info.isDirectory()) return info.mtimeMs
  const entries = await readdir(path, { withFileTypes: true })
  const times = await Promise.all(entries.filter((e) => e.name !== 'node_modules').map((e) => newestModification(join(path, e.name))))
  return Math.max(0, ...times)
}

/** True when `<root>/out/renderer/index.html` is missing or older than any renderer source. */
export async function rendererNeedsBuild(root: string, sources: readonly string[] = RENDERER_SOURCES): Promise<boolean> {
  const built = await stat(resolve(root, 'out/renderer/index.html')).catch(() => null)
  if (built === null) return true
  const newest = Math.max(...(await Promise.all(sources.map((source) => newestModification(resolve(root, source))))))
  return newest > built.mtimeMs
}
