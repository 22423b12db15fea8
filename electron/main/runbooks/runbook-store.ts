/**
 * Runbook sessions on disk: one JSON file per session under `<userData>/runbook-sessions/`,
 * written atomically; damaged files moved to `quarantine/` and reported once (`takeQuarantined`).
 * Writes are serialised, so a re-check and a ticked step arriving together never lose each other.
 * Sessions are kept in memory after the first read.
 */
import { randomBytes } from 'node:crypto'
import { appError, fail, ok, type Result } from '@common/errors'
import {
  RUNBOOK_SESSION_FORMAT,
  RunbookSessionFileSchema,
  type QuarantinedRunbookSession,
  type RunbookSession,
  type RunbookSessionFilter,
} from '@common/runbooks/runbook-session'
import { JsonRecordFolder } from '../fs/json-record-folder'
import { SerialQueue } from '../fs/serial-queue'

/** What a new session starts with; the store adds the id and the times. */
export type NewRunbookSession = Omit<RunbookSession, 'id' | 'startedAt' | 'updatedAt'>

/** The saved runbook sessions; see the file comment. */
export class RunbookStore {
  private readonly folder: JsonRecordFolder<RunbookSession>
  private readonly queue = new SerialQueue()
  private loading: Promise<Result<Map<string, RunbookSession>>> | null = null
  private unreported: QuarantinedRunbookSession[] = []

  constructor(
    root: string,
    private readonly now: () => number = Date.now,
  ) {
    this.folder = new JsonRecordFolder<RunbookSession>({
      root,
      schema: RunbookSessionFileSchema,
      key: 'session',
      formatVersion: RUNBOOK_SESSION_FORMAT,
      noun: 'runbook session',
      place: 'the runbook sessions folder',
      idOf: (session) => session.id,
      now,
    })
  }

  /**
   * The saved sessions, most recently updated first; with `visitId` only that visit's, with
   * `deviceId` only that charger's (both: the charger's sessions in that visit).
   */
  async list(filter: RunbookSessionFilter = {}): Promise<Result<RunbookSession[]>> {
    const loaded = await this.loaded()
    if (!loaded.ok) return loaded
    const sessions = [...loaded.value.values()]
      .filter((s) => (filter.visitId === undefined || s.visitId === filter.visitId) && (filter.deviceId === undefined || s.deviceId === filter.deviceId))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id.localeCompare(a.id))
    return ok(structuredClone(sessions))
  }

  /** One session. */
  async get(id: string): Promise<Result<RunbookSession>> {
    const loaded = await this.loaded()
    if (!loaded.ok) return loaded
    const session = loaded.value.get(id)
    return session ? ok(structuredClone(session)) : fail(appError('invalid-input', `There is no runbook session "${id.slice(0, 60)}".`, { action: 'Open the runbook again from the finding or the visit.' }))
  }

  /** Saves a new session. */
  async create(input: NewRunbookSession): Promise<Result<RunbookSession>> {
    return this.queue.run(async () => {
      const at = new Date(this.now()).toISOString()
      const stamp = at.replace(/[-:.TZ]/g, '').slice(0, 14)
      return this.writeNow({ ...input, id: `rs-${stamp}-${randomBytes(3).toString('hex')}`, startedAt: at, updatedAt: at })
    })
  }

  /** Changes a session through `change` (which gets a copy) and saves it, serialised with every other write. */
  async update(id: string, change: (session: RunbookSession) => Result<RunbookSession>): Promise<Result<RunbookSession>> {
    return this.queue.run(async () => {
      const current = await this.get(id)
      if (!current.ok) return current
      const changed = change(current.value)
      if (!changed.ok) return changed
      return this.writeNow({ ...changed.value, id, startedAt: current.value.startedAt, updatedAt: new Date(this.now()).toISOString() })
    })
  }

  /** Files moved aside since the last call (each reported once). */
  async takeQuarantined(): Promise<QuarantinedRunbookSession[]> {
    await this.loaded()
    const quarantined = this.unreported
    this.unreported = []
    return quarantined
  }

  private async writeNow(session: RunbookSession): Promise<Result<RunbookSession>> {
    const loaded = await this.loaded()
    if (!loaded.ok) return loaded
    const written = await this.folder.write(session)
    if (!written.ok) return written
    loaded.value.set(session.id, structuredClone(session))
    return ok(structuredClone(session))
  }

  /** The sessions in memory, read from disk once (concurrent first callers share one read; a failed read is retried next time). */
  private loaded(): Promise<Result<Map<string, RunbookSession>>> {
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
