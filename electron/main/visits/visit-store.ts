/**
 * Site visits on disk: one JSON file per visit under `<userData>/visits/`, each written
 * atomically (temp file, fsync, rename). A file that cannot be read is moved to
 * `visits/quarantine/` and reported once by the listing, never fatal. Writes are serialised, and
 * a visit is kept in memory after the first listing so the preparation run can update it often.
 */
import { randomBytes } from 'node:crypto'
import { mkdir, readdir, readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { appError, fail, ok, type Result } from '@common/errors'
import { VisitFileSchema } from '@common/visits/visit-schemas'
import type { QuarantinedVisit, Visit, VisitInput, VisitList, VisitSummary } from '@common/visits/visit-types'
import { isTempFile, writeFileAtomic } from '../fs/atomic-write'
import { errorCode, storageError } from '../fs/storage-error'
import { SerialQueue } from '../snapshots/serial-queue'

const FILE_SUFFIX = '.json'

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
  private readonly quarantineDir: string
  private readonly queue = new SerialQueue()
  private visits: Map<string, Visit> | null = null
  private unreported: QuarantinedVisit[] = []

  constructor(
    private readonly root: string,
    private readonly now: () => number = Date.now,
  ) {
    this.quarantineDir = join(root, 'quarantine')
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
    const file = join(this.root, `${visit.id}${FILE_SUFFIX}`)
    try {
      await mkdir(this.root, { recursive: true })
      await writeFileAtomic(file, `${JSON.stringify({ formatVersion: 1, visit }, null, 2)}\n`)
    } catch (error) {
      return fail(storageError(error, { verb: 'write to', place: `the visits folder (${this.root})`, consequence: 'visit not saved' }))
    }
    loaded.value.set(visit.id, structuredClone(visit))
    return ok(structuredClone(visit))
  }

  private async loaded(): Promise<Result<Map<string, Visit>>> {
    if (this.visits) return ok(this.visits)
    let names: string[]
    try {
      names = await readdir(this.root)
    } catch (error) {
      if (errorCode(error) === 'ENOENT') names = []
      else return fail(storageError(error, { verb: 'read', place: `the visits folder (${this.root})`, consequence: 'visits not listed' }))
    }
    const visits = new Map<string, Visit>()
    for (const name of names.filter((n) => n.endsWith(FILE_SUFFIX) && !isTempFile(n))) {
      const file = join(this.root, name)
      const read = await this.readVisitFile(file)
      if (read.ok && `${read.value.id}${FILE_SUFFIX}` === name) visits.set(read.value.id, read.value)
      else this.unreported.push(await this.moveAside(file, read.ok ? 'Its name does not match the visit inside.' : read.error.message))
    }
    this.visits ??= visits
    return ok(this.visits)
  }

  private async readVisitFile(file: string): Promise<Result<Visit>> {
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (error) {
      return fail(storageError(error, { verb: 'read', place: file, consequence: 'visit skipped' }))
    }
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      return fail(appError('storage', 'The visit file is not valid JSON (damaged or cut short).'))
    }
    const parsed = VisitFileSchema.safeParse(json)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      return fail(appError('storage', `The visit file does not hold a visit (${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}).`))
    }
    return ok(parsed.data.visit as Visit)
  }

  private async moveAside(file: string, reason: string): Promise<QuarantinedVisit> {
    const stamp = new Date(this.now()).toISOString().replace(/[-:.]/g, '')
    const movedTo = join(this.quarantineDir, `${stamp}-${randomBytes(2).toString('hex')}-${file.split(/[\\/]/).pop() ?? 'visit.json'}`)
    try {
      await mkdir(this.quarantineDir, { recursive: true })
      await rename(file, movedTo)
      return { file, movedTo, reason }
    } catch (error) {
      return { file, movedTo: file, reason: `${reason} It could not be moved aside (${errorCode(error) ?? 'error'}), so it was skipped.` }
    }
  }
}

