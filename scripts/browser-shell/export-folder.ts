/**
 * Where the browser shell saves exports: it has no "Save as" dialog, so every export goes into one
 * folder (default `<userData>/exports`, or `--export-dir DIR`) under its suggested name, and the
 * app's "Saved to …" message names the file.
 */
import { mkdir, stat } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import type { ChooseSavePath } from '@main/fs/save-export'

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  )
}

/** The default export folder of a userData folder. */
export function defaultExportDir(userDataDir: string): string {
  return join(userDataDir, 'exports')
}

/**
 * A `ChooseSavePath` that saves into `dir` (created when needed) under the suggested file name,
 * never over an existing file: the second `a.html` becomes `a (2).html`.
 */
export function saveIntoFolder(dir: string): ChooseSavePath {
  return async (suggestedName) => {
    await mkdir(dir, { recursive: true })
    const name = basename(suggestedName) || 'export'
    const extension = extname(name)
    const stem = name.slice(0, name.length - extension.length)
    for (let n = 1; ; n++) {
      const candidate = join(dir, n === 1 ? name : `${stem} (${n})${extension}`)
      if (!(await exists(candidate))) return candidate
    }
  }
}
