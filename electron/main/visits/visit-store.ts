/**
 * Site visits on disk: one JSON file per visit under `<userData>/visits/`, each written
 * atomically (temp file, fsync, rename). A file that cannot be read is moved to
 * `visits/quarantine/` and reported once by the listing, never fatal. Writes are serialised, and
 * a visit is kept in memory after the first read so the preparation run can update it often
 * (`fs/cached-record-folder.ts`).
 */
import { appError, ok, type Result } from '@common/errors'
import { VisitFileSchema } from '@common/visits/visit-schemas'
import type { Visit, VisitInput, VisitList, VisitSummary } from '@common/visits/visit-types'
import { CachedRecordFolder, recordId } from '../fs/cached-record-folder'

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

/** Visits in one folder; see the file comment. */
export class VisitStore {
  private readonly visits: CachedRecordFolder<Visit>

  constructor(root: string, now: () => number = Date.now) {
    this.visits = new CachedRecordFolder<Visit>({
      root,
      schema: VisitFileSchema,
      key: 'visit',
      formatVersion: 1,
      noun: 'visit',
      place: 'the visits folder',
      now,
      notFound: (id) => appError('invalid-input', `There is no visit "${id.slice(0, 60)}".`, { action: 'Pick the visit from the list of visits.' }),
    })
  }

  /** Every visit (newest first), with files moved aside since the last listing. */
  async list(): Promise<Result<VisitList>> {
    const all = await this.visits.all()
    if (!all.ok) return all
    const visits = all.value.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map(summarise)
    return ok({ visits, quarantined: await this.visits.takeQuarantined() })
  }

  /** One visit. */
  get(id: string): Promise<Result<Visit>> {
    return this.visits.get(id)
  }

  /** Creates an empty visit. */
  create(input: VisitInput): Promise<Result<Visit>> {
    return this.visits.create((at) => ({ id: recordId('v', at), ...input, createdAt: at, updatedAt: at, archived: false, devices: [] }))
  }

  /**
   * Changes a visit through `change` (which gets a copy) and saves it; serialised with every other
   * write, so concurrent updates never lose each other's changes.
   */
  update(id: string, change: (visit: Visit) => Result<Visit>): Promise<Result<Visit>> {
    return this.visits.update(id, change)
  }
}
