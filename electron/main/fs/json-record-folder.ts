/**
 * A folder of JSON records, one file per record named `<id>.json`, each wrapped as
 * `{ formatVersion, <key>: record }`. Writes are atomic (temp file, fsync, rename). Reading the
 * folder never fails on one bad file: a file that is not JSON, does not match the schema, or whose
 * name does not match the id inside is moved to `<folder>/quarantine/` and returned as
 * quarantined, with the reason in words. Temp files left by a crash are ignored.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { z } from 'zod'
import { fail, ok, type Result } from '@common/errors'
import { isTempFile } from './atomic-write'
import { nodeJsonFileFs, parseJsonFile, writeJsonFile } from './json-file'
import type { QuarantinedFile } from '@common/quarantined-file'
import { moveAside, quarantinePath } from './move-aside'
import { errorCode, storageError } from './storage-error'

const FILE_SUFFIX = '.json'

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
  write(record: T): Promise<Result<void>> {
    const { root, place, noun, key, formatVersion } = this.options
    const file = join(root, `${this.options.idOf(record)}${FILE_SUFFIX}`)
    return writeJsonFile(nodeJsonFileFs, file, { formatVersion, [key]: record }, { verb: 'write to', place: `${place} (${root})`, consequence: `${noun} not saved` }, { createFolder: true })
  }

  private async readRecord(file: string): Promise<Result<T>> {
    const { noun, schema, key } = this.options
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (error) {
      return fail(storageError(error, { verb: 'read', place: file, consequence: `${noun} skipped` }))
    }
    const parsed = parseJsonFile(text, schema, noun)
    return parsed.ok ? ok(parsed.value[key] as T) : parsed
  }

  /** Moves a file that cannot be read into `<root>/quarantine/` under a timestamped name. */
  private moveAside(file: string, reason: string): Promise<QuarantinedFile> {
    return moveAside(nodeJsonFileFs, file, quarantinePath(join(this.options.root, 'quarantine'), file, this.options.now()), reason)
  }
}
