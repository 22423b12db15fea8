/**
 * The records of one JSON record folder (`json-record-folder.ts`), kept in memory after the first
 * read: concurrent first callers share one read, and a failed read is tried again next time.
 * Writes are serialised, so two updates arriving together never lose each other's changes. Every
 * record handed out is a copy. Files moved aside while reading are handed out once
 * (`takeQuarantined`). The visit store and the runbook session store are built on it.
 */
import { randomBytes } from 'node:crypto'
import { fail, ok, type AppError, type Result } from '@common/errors'
import type { QuarantinedFile } from '@common/quarantined-file'
import { JsonRecordFolder, type JsonRecordFolderOptions } from './json-record-folder'
import { SerialQueue } from './serial-queue'

/** What every kept record has: its id (the file's name) and when it last changed (ISO). */
export interface KeptRecord {
  id: string
  updatedAt: string
}

/** The folder's options, with the error for an id it does not hold ("There is no visit …"). */
export interface CachedRecordFolderOptions<T> extends Omit<JsonRecordFolderOptions<T>, 'idOf'> {
  notFound: (id: string) => AppError
}

/** A new record's id, `<prefix>-<yyyymmddhhmmss>-<6 hex digits>`, stamped with the time `at` (ISO). */
export function recordId(prefix: string, at: string): string {
  return `${prefix}-${at.replace(/[-:.TZ]/g, '').slice(0, 14)}-${randomBytes(3).toString('hex')}`
}

/** One folder's records in memory; see the file comment. */
export class CachedRecordFolder<T extends KeptRecord> {
  private readonly folder: JsonRecordFolder<T>
  private readonly queue = new SerialQueue()
  private loading: Promise<Result<Map<string, T>>> | null = null
  private unreported: QuarantinedFile[] = []

  constructor(private readonly options: CachedRecordFolderOptions<T>) {
    this.folder = new JsonRecordFolder<T>({ ...options, idOf: (record) => record.id })
  }

  /** Every record, in no particular order. */
  async all(): Promise<Result<T[]>> {
    const loaded = await this.loaded()
    return loaded.ok ? ok(structuredClone([...loaded.value.values()])) : loaded
  }

  /** One record, or the folder's not-found error. */
  async get(id: string): Promise<Result<T>> {
    const loaded = await this.loaded()
    if (!loaded.ok) return loaded
    const record = loaded.value.get(id)
    return record ? ok(structuredClone(record)) : fail(this.options.notFound(id))
  }

  /** Saves a new record, which `build` makes for the time (ISO) it is created at. */
  create(build: (at: string) => T): Promise<Result<T>> {
    return this.queue.run(() => this.writeNow(build(this.isoNow())))
  }

  /** Changes a record through `change` (which gets a copy) and saves it with its id and a new `updatedAt`, serialised with every other write. */
  update(id: string, change: (record: T) => Result<T>): Promise<Result<T>> {
    return this.queue.run(async () => {
      const current = await this.get(id)
      if (!current.ok) return current
      const changed = change(current.value)
      if (!changed.ok) return changed
      return this.writeNow({ ...changed.value, id, updatedAt: this.isoNow() })
    })
  }

  /** Files moved aside since the last call (each handed out once). */
  async takeQuarantined(): Promise<QuarantinedFile[]> {
    await this.loaded()
    const quarantined = this.unreported
    this.unreported = []
    return quarantined
  }

  private isoNow(): string {
    return new Date(this.options.now()).toISOString()
  }

  private async writeNow(record: T): Promise<Result<T>> {
    const loaded = await this.loaded()
    if (!loaded.ok) return loaded
    const written = await this.folder.write(record)
    if (!written.ok) return written
    loaded.value.set(record.id, structuredClone(record))
    return ok(structuredClone(record))
  }

  /** The records in memory, read from disk once (concurrent first callers share one read; a failed read is retried next time). */
  private loaded(): Promise<Result<Map<string, T>>> {
    this.loading ??= this.folder.loadAll().then((read) => {
      if (!read.ok) {
        this.loading = null
        return read
      }
      this.unreported.push(...read.value.quarantined)
      return ok(read.value.records)
    })
    return this.loading
  }
}
