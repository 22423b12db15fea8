/**
 * One JSON document the app keeps in userData (profiles.json, settings.json): read and checked
 * against its schema, written atomically (`writeFileAtomic`), a failed write reported through the
 * shared storage-error mapping. The file system is passed in (node:fs/promises in the app) so
 * tests can fail any call. What a damaged file means is the owner's decision: the profile store
 * moves it aside (`moveAside`), the settings store falls back to its defaults.
 */
import * as nodeFs from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { z } from 'zod'
import { appError, fail, ok, type Result } from '@common/errors'
import { TEMP_MARKER, writeFileAtomic, type AtomicWriteFs } from './atomic-write'
import type { MoveAsideFs } from './move-aside'
import { errorCode, storageError, type StorageContext } from './storage-error'

/** The file-system calls a JSON file's owner makes: read, list, and what writing and moving aside need. */
export interface JsonFileFs extends AtomicWriteFs, MoveAsideFs {
  readFile(path: string): Promise<string>
  readdir(path: string): Promise<string[]>
}

/** The real file system. */
export const nodeJsonFileFs: JsonFileFs = {
  open: nodeFs.open,
  rename: nodeFs.rename,
  rm: nodeFs.rm,
  mkdir: async (path) => {
    await nodeFs.mkdir(path, { recursive: true })
  },
  readFile: (path) => nodeFs.readFile(path, 'utf8'),
  readdir: (path) => nodeFs.readdir(path),
}

/** What reading a JSON file found: its checked contents, nothing, an fs failure, or a damaged file (why, in words). */
export type JsonFileRead<T> = { kind: 'ok'; value: T } | { kind: 'missing' } | { kind: 'unreadable'; error: unknown } | { kind: 'damaged'; reason: string }

/** Reads `path` and checks it against `schema`; `noun` names the file in the damage reason ("profiles"). */
export async function readJsonFile<T>(fs: JsonFileFs, path: string, schema: z.ZodType<T>, noun: string): Promise<JsonFileRead<T>> {
  let text: string
  try {
    text = await fs.readFile(path)
  } catch (error) {
    return errorCode(error) === 'ENOENT' ? { kind: 'missing' } : { kind: 'unreadable', error }
  }
  const parsed = parseJsonFile(text, schema, noun)
  return parsed.ok ? { kind: 'ok', value: parsed.value } : { kind: 'damaged', reason: parsed.error.message }
}

/** Parses a file's text and checks it against `schema`; the error says which of the two failed, and where. */
export function parseJsonFile<T>(text: string, schema: z.ZodType<T>, noun: string): Result<T> {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return fail(appError('storage', `The ${noun} file is not valid JSON (damaged or cut short).`))
  }
  const parsed = schema.safeParse(json)
  if (parsed.success) return ok(parsed.data)
  const issue = parsed.error.issues[0]
  return fail(appError('storage', `The ${noun} file does not hold a ${noun} (${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}).`))
}

/**
 * Writes `value` as indented JSON to `path`, atomically; with `createFolder` its folder is created
 * first. A failure is a storage error worded from `context` (disk full, no permission, …).
 */
export async function writeJsonFile(fs: JsonFileFs, path: string, value: unknown, context: StorageContext, { createFolder = false } = {}): Promise<Result<void>> {
  try {
    if (createFolder) await fs.mkdir(dirname(path))
    await writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`, fs)
    return ok(undefined)
  } catch (error) {
    return fail(storageError(error, context))
  }
}

/** Deletes the temp files a crash mid-write of `path` left; other files' temp files in the folder are left alone. */
export async function removeTempFilesOf(fs: JsonFileFs, path: string): Promise<void> {
  const prefix = `${basename(path)}${TEMP_MARKER}`
  for (const name of await fs.readdir(dirname(path)).catch(() => [] as string[])) {
    if (name.startsWith(prefix)) await fs.rm(join(dirname(path), name), { force: true }).catch(() => undefined)
  }
}
