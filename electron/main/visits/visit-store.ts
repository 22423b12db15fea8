/**
 * Site visits on disk: one JSON file per visit under `<userData>/visits/`, each written
 * atomically (temp file, fsync, rename). A file that cannot be read is moved to
 * `visits/quarantine/` and reported once by the listing, never fatal. Writes are serialised, and
 * a visit is kept in memory after the first listing so the preparation run can update it often.
 */
import { randomBytes } from 'node:crypto'
import { appError, fail, ok, type Result } from '@common/errors'
import { VisitFileSchema } from '@common/visits/visit-schemas'
import type { QuarantinedVisit, Visit, VisitInput, VisitList, VisitSummary } from '@common/visits/visit-types'
import { JsonRecordFolder } from '../fs/json-record-folder'
import { SerialQueue } from '../fs/serial-queue'

/** The list entry of a visit. */
export function summarise(visit: Visit): VisitSummary {
  return {
    id: visit.id,
    name: visit.name,
    site: visit.site,
    createdAt: visit.createdAt,
    archived: visit.archived,
    deviceCount: visit.devices.length,
    preparedCount: visit.devices.filter((d) => d.prepared && !d.failure).length,
    failedCount: visit.devices.filter((d) => d.failure).length,
    ...(visit.prepare ? { prepare: visit.prepare } : {}),
  }
}

function notFound(id: string): Result<never> {
  return fail(appError('invalid-input', `There is no visit "${id.slice(0, 60)}".`, { action: 'Pick the visit from the list of visits.' }))
}

/** Visits in one folder; see the file comment. */
export class VisitStore {
  private readonly folder: JsonRecordFolder<Visit>
  private readonly queue = new SerialQueue()
  private visits: Map<string, Visit> | null = null
  private unreported: QuarantinedVisit[] = []

  constructor(
    root: string,
    private readonly now: () => number = Date.now,
  ) {
    this.folder = new JsonRecordFolder<Visit>({
      root,
      schema: VisitFileSchema,
      key: 'visit',
      formatVersion: 1,
      noun: 'visit',
      place: 'the visits folder',
      idOf: (visit) => visit.id,
      now,
    })
  }

  /** Every visit (newest first), with files moved aside since the last listing. */
  async list(): Promise<Result<VisitList>> {
    const loaded = await this.loaded()
    if (!loaded.ok) return loaded
    const visits = [...loaded.value.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map(summarise)
    const quarantined = this.unreported
    this.unreported = []
    return ok({ visits, quarantined })
  }

  /** One visit. */
  async get(id: string): Promise<Result<Visit>> {
    const loaded = await this.loaded()
    if (!loaded.ok) return loaded
    const visit = loaded.value.get(id)
    return visit ? ok(structuredClone(visit)) : notFound(id)
  }

  /** Creates an empty visit. */
  async create(input: VisitInput): Promise<Result<Visit>> {
    const at = new Date(this.now()).toISOString()
    const stamp = at.replace(/[-:.TZ]/g, '').slice(0, 14)
    const visit: Visit = { id: `v-${stamp}-${randomBytes(3).toString('hex')}`, ...input, createdAt: at, updatedAt: at, archived: false, devices: [] }
    return this.write(visit)
  }

  /**
   * Changes a visit through `change` (which gets a copy) and saves it; serialised with every other
   * write, so concurrent updates never lose each other's changes.
   */
  async update(id: string, change: (visit: Visit) => Result<Visit>): Promise<Result<Visit>> {
    return this.queue.run(async () => {
      const current = await this.get(id)
      if (!current.ok) return current
      const changed = change(current.value)
      if (!changed.ok) return changed
      return this.writeNow({ ...changed.value, id, updatedAt: new Date(this.now()).toISOString() })
    })
  }

  private write(visit: Visit): Promise<Result<Visit>> {
    return this.queue.run(() => this.writeNow(visit))
  }

  private async writeNow(visit: Visit): Promise<Result<Visit>> {
    const loaded = await this.loaded()
    if (!loaded.ok) return loaded
    const written = await this.folder.write(visit)
    if (!written.ok) return written
    loaded.value.set(visit.id, structuredClone(visit))
    return ok(structuredClone(visit))
  }

  private async loaded(): Promise<Result<Map<string, Visit>>> {
    if (this.visits) return ok(this.visits)
    const read = await this.folder.loadAll()
    if (!read.ok) return read
    this.unreported.push(...read.value.quarantined)
    this.visits ??= read.value.records
    return ok(this.visits)
  }
}

