/**
 * A folder of JSON records, one file per record named `<id>.json`, each wrapped as
 * `{ formatVersion, <key>: record }`. Writes are atomic (temp file, fsync, rename). Reading the
 * folder never fails on one bad file: a file that is not JSON, does not match the schema, or whose
 * name does not match the id inside is moved to `<folder>/quarantine/` and returned as
 * quarantined, with the reason in words. Temp files left by a crash are ignored.
 */
import { randomBytes } from 'node:crypto'
import { mkdir, readdir, readFile, rename } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { z } from 'zod'
import { appError, fail, ok, type Result } from '@common/errors'
import { isTempFile, writeFileAtomic } from './atomic-write'
import { errorCode, storageError } from './storage-error'

const FILE_SUFFIX = '.json'

/** A file that could not be read and was moved aside (or left in place when even that failed). */
export interface QuarantinedFile {
  file: string
  movedTo: string
  reason: string
}

/** What the folder holds and how to name it in messages. */
export interface JsonRecordFolderOptions<T> {
  root: string
  /** The file format: checked on every read. */
  schema: z.ZodType<{ formatVersion: number } & Record<string, unknown>>
  /** The property of the file that holds the record ("visit", "session"). */
  key: string
  formatVersion: number
  /** What a record is called in messages ("visit", "runbook session"). */
  noun: string
  /** The folder's name in messages ("the visits folder"). */
  place: string
  idOf: (record: T) => string
  now: () => number
}

/** Every readable record of a folder and the files moved aside while reading it. */
export interface LoadedRecords<T> {
  records: Map<string, T>
  quarantined: QuarantinedFile[]
}

/** One folder of JSON records; see the file comment. */
export class JsonRecordFolder<T> {
  constructor(private readonly options: JsonRecordFolderOptions<T>) {}

  /** Reads every record file; bad files are moved aside and returned as quarantined. */
  async loadAll(): Promise<Result<LoadedRecords<T>>> {
    const { root, place, noun } = this.options
    let names: string[]
    try {
      names = await readdir(root)
    } catch (error) {
      if (errorCode(error) === 'ENOENT') names = []
      else return fail(storageError(error, { verb: 'read', place: `${place} (${root})`, consequence: `${noun}s not listed` }))
    }
    const records = new Map<string, T>()
    const quarantined: QuarantinedFile[] = []
    for (const name of names.filter((n) => n.endsWith(FILE_SUFFIX) && !isTempFile(n))) {
      const file = join(root, name)
      const read = await this.readRecord(file)
      if (read.ok && `${this.options.idOf(read.value)}${FILE_SUFFIX}` === name) records.set(this.options.idOf(read.value), read.value)
      else quarantined.push(await this.moveAside(file, read.ok ? `Its name does not match the ${noun} inside.` : read.error.message))
    }
    return ok({ records, quarantined })
  }

  /** Writes one record atomically as `<id>.json`. */
  async write(record: T): Promise<Result<void>> {
    const { root, place, noun, key, formatVersion } = this.options
    try {
      await mkdir(root, { recursive: true })
      await writeFileAtomic(join(root, `${this.options.idOf(record)}${FILE_SUFFIX}`), `${JSON.stringify({ formatVersion, [key]: record }, null, 2)}\n`)
      return ok(undefined)
    } catch (error) {
      return fail(storageError(error, { verb: 'write to', place: `${place} (${root})`, consequence: `${noun} not saved` }))
    }
  }

  private async readRecord(file: string): Promise<Result<T>> {
    const { noun, schema, key } = this.options
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (error) {
      return fail(storageError(error, { verb: 'read', place: file, consequence: `${noun} skipped` }))
    }
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      return fail(appError('storage', `The ${noun} file is not valid JSON (damaged or cut short).`))
    }
    const parsed = schema.safeParse(json)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      return fail(appError('storage', `The ${noun} file does not hold a ${noun} (${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}).`))
    }
    return ok(parsed.data[key] as T)
  }

  private async moveAside(file: string, reason: string): Promise<QuarantinedFile> {
    const quarantineDir = join(this.options.root, 'quarantine')
    const stamp = new Date(this.options.now()).toISOString().replace(/[-:.]/g, '')
    const movedTo = join(quarantineDir, `${stamp}-${randomBytes(2).toString('hex')}-${basename(file)}`)
    try {
      await mkdir(quarantineDir, { recursive: true })
      await rename(file, movedTo)
      return { file, movedTo, reason }
    } catch (error) {
      return { file, movedTo: file, reason: `${reason} It could not be moved aside (${errorCode(error) ?? 'error'}), so it was skipped.` }
    }
  }
}
