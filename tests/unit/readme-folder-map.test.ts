/**
 * The README's folder map (the first code block under "## Architecture") stays true to the tree:
 * every file and folder it names exists, and every folder at the top of electron/main,
 * electron/common, renderer/src and tests is named. A line is `<indent><names>  <description>`;
 * names are separated by commas, a folder ends in `/`, and an indented name lies in the folder above it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
/** Folders whose every subfolder the map must name. */
const MAPPED_FOLDERS = ['electron/main', 'electron/common', 'renderer/src', 'tests']

/** The paths the map names, relative to the repo root (folders end in `/`). */
function folderMapPaths(readme: string): string[] {
  const section = readme.split(/^## Architecture$/m)[1] ?? ''
  const block = /```[^\n]*\n([\s\S]*?)```/.exec(section)?.[1]
  if (!block) throw new Error('README.md has no code block under "## Architecture"')
  const paths: string[] = []
  const parents: Array<{ indent: number; path: string }> = []
  for (const line of block.split('\n')) {
    const match = /^( *)(\S.*?)(?: {2,}.*)?$/.exec(line)
    if (!match) continue
    const indent = match[1]!.length
    while (parents.length > 0 && parents.at(-1)!.indent >= indent) parents.pop()
    const parent = parents.at(-1)?.path ?? ''
    const names = match[2]!.split(/,\s*/).map((name) => parent + name)
    paths.push(...names)
    if (names.length === 1 && names[0]!.endsWith('/')) parents.push({ indent, path: names[0]! })
  }
  return paths
}

const named = folderMapPaths(readFileSync(join(repoRoot, 'README.md'), 'utf8'))

describe("README's folder map", () => {
  it('reads the map (sanity check of the parser)', () => {
    expect(named).toContain('electron/main/')
    expect(named).toContain('electron/main/tellus/stream/')
    expect(named).toContain('electron/main/demo/')
  })

  it('names only files and folders that exist', () => {
    const missing = named.filter((path) => {
      const full = join(repoRoot, path)
      return !existsSync(full) || statSync(full).isDirectory() !== path.endsWith('/')
    })
    expect(missing, 'named in README.md but not in the tree (or a file named as a folder)').toEqual([])
  })

  it.each(MAPPED_FOLDERS)('names every folder in %s/', (folder) => {
    const folders = readdirSync(join(repoRoot, folder), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `${folder}/${entry.name}/`)
    expect(folders.filter((path) => !named.includes(path)), 'in the tree but not in README.md\'s folder map ("## Architecture")').toEqual([])
  })
})
