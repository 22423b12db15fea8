/**
 * Saving an export (a snapshot report, a recording CSV, a work-order report, …) where the
 * technician chooses: ask with the save dialog, write the file(s) atomically, and answer the same
 * way for every exporter — a cancelled dialog is `{ saved: false }`, a failed write is a storage
 * error in words ("The disk is full: export not saved. …"), a written file is `{ saved: true, path }`.
 */
import { rm } from 'node:fs/promises'
import { fail, ok, type Result } from '@common/errors'
import type { ExportOutcome } from '@common/ipc/contract'
import { writeFileAtomic } from './atomic-write'
import { storageError } from './storage-error'

/** A file type offered by the save dialog, e.g. `{ name: 'CSV', extensions: ['csv'] }`. */
export interface SaveFilter {
  name: string
  extensions: string[]
}

/** Asks where to save (the save dialog under Electron); null means the technician cancelled. */
export type ChooseSavePath = (suggestedName: string, filters: SaveFilter[]) => Promise<string | null>

/** One export file: the name the dialog suggests, the types it offers, and what is written. */
export interface ExportFile {
  suggestedName: string
  filters: SaveFilter[]
  contents: string | Uint8Array
}

/** Asks `chooseSavePath` where to save `file`, then writes it there atomically. */
export async function saveExport(chooseSavePath: ChooseSavePath, file: ExportFile): Promise<Result<ExportOutcome>> {
  const path = await chooseSavePath(file.suggestedName, file.filters)
  if (!path) return ok({ saved: false })
  const written = await writeExportFiles([[path, file.contents]], 'export not saved')
  return written.ok ? ok({ saved: true, path }) : written
}

/**
 * Writes the files of one export atomically, in order. All or nothing: when one fails, the files
 * already written are taken back (half an export is worse than none) and the failure is a storage
 * error naming that file, ending with `consequence` ("… (ENOSPC): the report was not saved.").
 */
export async function writeExportFiles(files: ReadonlyArray<readonly [path: string, contents: string | Uint8Array]>, consequence: string): Promise<Result<void>> {
  const written: string[] = []
  for (const [path, contents] of files) {
    try {
      await writeFileAtomic(path, contents)
      written.push(path)
    } catch (error) {
      await Promise.all(written.map((done) => rm(done, { force: true }).catch(() => undefined)))
      return fail(storageError(error, { verb: 'write', place: path, consequence }))
    }
  }
  return ok(undefined)
}

/** A time for a file name, to the minute and without colons: `2026-11-23T14:05:09.120Z` → `2026-11-23T1405Z`. */
export function fileNameStamp(iso: string): string {
  return iso.replace(/:\d\d(\.\d+)?Z$/, 'Z').replace(/:/g, '')
}
