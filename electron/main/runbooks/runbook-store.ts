/**
 * Runbook sessions on disk: one JSON file per session under `<userData>/runbook-sessions/`,
 * written atomically; damaged files moved to `quarantine/` and reported once (`takeQuarantined`).
 * Writes are serialised, so a re-check and a ticked step arriving together never lose each other.
 * Sessions are kept in memory after the first read (`fs/cached-record-folder.ts`).
 */
import { appError, ok, type Result } from '@common/errors'
import {
  RUNBOOK_SESSION_FORMAT,
  RunbookSessionFileSchema,
  type RunbookSession,
  type RunbookSessionFilter,
} from '@common/runbooks/runbook-session'
import type { QuarantinedFile } from '@common/quarantined-file'
import { CachedRecordFolder, recordId } from '../fs/cached-record-folder'

/** What a new session starts with; the store adds the id and the times. */
export type NewRunbookSession = Omit<RunbookSession, 'id' | 'startedAt' | 'updatedAt'>

/** The saved runbook sessions; see the file comment. */
export class RunbookStore {
  private readonly sessions: CachedRecordFolder<RunbookSession>

  constructor(root: string, now: () => number = Date.now) {
    this.sessions = new CachedRecordFolder<RunbookSession>({
      root,
      schema: RunbookSessionFileSchema,
      key: 'session',
      formatVersion: RUNBOOK_SESSION_FORMAT,
      noun: 'runbook session',
      place: 'the runbook sessions folder',
      now,
      notFound: (id) => appError('invalid-input', `There is no runbook session "${id.slice(0, 60)}".`, { action: 'Open the runbook again from the finding or the visit.' }),
    })
  }

  /**
   * The saved sessions, most recently updated first; with `visitId` only that visit's, with
   * `deviceId` only that charger's (both: the charger's sessions in that visit).
   */
  async list(filter: RunbookSessionFilter = {}): Promise<Result<RunbookSession[]>> {
    const all = await this.sessions.all()
    if (!all.ok) return all
    const sessions = all.value
      .filter((s) => (filter.visitId === undefined || s.visitId === filter.visitId) && (filter.deviceId === undefined || s.deviceId === filter.deviceId))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id.localeCompare(a.id))
    return ok(sessions)
  }

  /** One session. */
  get(id: string): Promise<Result<RunbookSession>> {
    return this.sessions.get(id)
  }

  /** Saves a new session. */
  create(input: NewRunbookSession): Promise<Result<RunbookSession>> {
    return this.sessions.create((at) => ({ ...input, id: recordId('rs', at), startedAt: at, updatedAt: at }))
  }

  /** Changes a session through `change` (which gets a copy) and saves it, serialised with every other write; its start time stays. */
  update(id: string, change: (session: RunbookSession) => Result<RunbookSession>): Promise<Result<RunbookSession>> {
    return this.sessions.update(id, (session) => {
      const { startedAt } = session
      const changed = change(session)
      return changed.ok ? ok({ ...changed.value, startedAt }) : changed
    })
  }

  /** Files moved aside since the last call (each reported once). */
  takeQuarantined(): Promise<QuarantinedFile[]> {
    return this.sessions.takeQuarantined()
  }
}
