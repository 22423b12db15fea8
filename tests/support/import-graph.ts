/** Reads the import specifiers of the project's source files, for the layering check. */
import { readdirSync, readFileSync } from 'node:fs'
import { join, posix, relative, resolve } from 'node:path'

export interface ImportEdge {
  /** Importing file, relative to the project root, with forward slashes. */
  from: string
  /** The specifier as written. */
  specifier: string
  /** For relative specifiers: the target path relative to the root (no extension resolution). */
  target: string | null
}

const IMPORT_PATTERN = /(?:^|\s)(?:import|export)\s[^'"`]*?from\s*['"]([^'"]+)['"]|(?:^|\s)import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g

/** Extracts import specifiers from TypeScript source text. */
export function importSpecifiers(source: string): string[] {
  const found: string[] = []
  for (const match of source.matchAll(IMPORT_PATTERN)) {
    const specifier = match[1] ?? match[2] ?? match[3] ?? match[4]
    if (specifier) found.push(specifier)
  }
  return found
}

/** Lists the .ts/.tsx files below `dir` (relative to root), skipping node_modules and build output. */
export function sourceFiles(root: string, dir: string): string[] {
  const out: string[] = []
  const walk = (abs: string) => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'out') continue
      const path = join(abs, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(relative(root, path).split('\\').join('/'))
    }
  }
  walk(resolve(root, dir))
  return out
}

/** The path aliases of tsconfig.base.json, as specifier prefix → folder. */
const PATH_ALIASES: Record<string, string> = { '@common/': 'electron/common/', '@main/': 'electron/main/', '@renderer/': 'renderer/src/' }

/** The import's target relative to the root, for relative and aliased specifiers; null for packages. */
export function importTarget(file: string, specifier: string): string | null {
  if (specifier.startsWith('.')) return posix.normalize(posix.join(posix.dirname(file), specifier))
  const alias = Object.keys(PATH_ALIASES).find((prefix) => specifier.startsWith(prefix))
  return alias ? PATH_ALIASES[alias] + specifier.slice(alias.length) : null
}

/** The import edges of every file below the given folders. */
export function importEdges(root: string, dirs: string[]): ImportEdge[] {
  return dirs.flatMap((dir) =>
    sourceFiles(root, dir).flatMap((file) =>
      importSpecifiers(readFileSync(join(root, file), 'utf8')).map((specifier) => ({
        from: file,
        specifier,
        target: importTarget(file, specifier),
      })),
    ),
  )
}
