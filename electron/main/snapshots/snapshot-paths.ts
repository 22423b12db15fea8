/**
 * Where snapshot files live under the store's root:
 *   <root>/devices/<deviceId>/<snapshotId>.json   one file per snapshot
 *   <root>/devices/<deviceId>/index.json          that device's listing metadata
 *   <root>/catalog.txt                            every device's listing metadata in one file
 *   <root>/catalog.json                           the same in format 1 (older versions): removed
 *   <root>/first-page.txt                         the newest entries, for a new process's first list
 *   <root>/journal.txt                            the listing changes since first-page.txt was written
 *   <root>/quarantine/                            unreadable files moved aside
 * Every path is built from validated ids and checked to stay inside the root.
 */
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import { DEVICE_ID_PATTERN } from '@common/devices/device-id'
import { parseSnapshotId } from './snapshot-id'

export const INDEX_FILE_NAME = 'index.json'
const CATALOG_FILE_NAME = 'catalog.txt'
const LEGACY_CATALOG_FILE_NAME = 'catalog.json'
const FIRST_PAGE_FILE_NAME = 'first-page.txt'
const JOURNAL_FILE_NAME = 'journal.txt'
const SNAPSHOT_FILE_SUFFIX = '.json'

/** Builds and checks the store's paths. Throws only on a programming error (an unvalidated id). */
export class SnapshotPaths {
  readonly root: string
  readonly devicesDir: string
  readonly quarantineDir: string
  readonly catalogFile: string
  /** Format 1 of the catalog (JSON), written by older versions; removed with the next catalog write. */
  readonly legacyCatalogFile: string
  /** The newest entries as of the last catalog write (see first-page.ts). */
  readonly firstPageFile: string
  /** One line per listing change since the first page was written (see first-page.ts). */
  readonly journalFile: string

  constructor(root: string) {
    this.root = resolve(root)
    this.devicesDir = join(this.root, 'devices')
    this.quarantineDir = join(this.root, 'quarantine')
    this.catalogFile = join(this.root, CATALOG_FILE_NAME)
    this.legacyCatalogFile = join(this.root, LEGACY_CATALOG_FILE_NAME)
    this.firstPageFile = join(this.root, FIRST_PAGE_FILE_NAME)
    this.journalFile = join(this.root, JOURNAL_FILE_NAME)
  }

  /**
   * The folder of one device. A valid device id is one plain name (no separator, never `.` or
   * `..`), so it is appended as is: this runs for every folder on every start.
   */
  deviceDir(deviceId: string): string {
    if (!DEVICE_ID_PATTERN.test(deviceId)) throw new Error('Refused an unvalidated device id')
    return `${this.devicesDir}${sep}${deviceId}`
  }

  /** The file of one snapshot. */
  snapshotFile(id: string): string {
    const parsed = parseSnapshotId(id)
    if (!parsed) throw new Error('Refused an unvalidated snapshot id')
    return this.inside(join(this.deviceDir(parsed.deviceId), `${id}${SNAPSHOT_FILE_SUFFIX}`))
  }

  /** The listing index of one device. */
  indexFile(deviceId: string): string {
    return join(this.deviceDir(deviceId), INDEX_FILE_NAME)
  }

  private inside(path: string): string {
    const rel = relative(this.devicesDir, path)
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw new Error('Refused a path outside the snapshot folder')
    return path
  }
}

/** The snapshot id a file name stands for (`<id>.json`), or null for any other name. */
export function snapshotIdOfFileName(name: string): string | null {
  if (!name.endsWith(SNAPSHOT_FILE_SUFFIX)) return null
  const id = name.slice(0, -SNAPSHOT_FILE_SUFFIX.length)
  return parseSnapshotId(id) ? id : null
}
