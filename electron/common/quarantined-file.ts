/**
 * A file the app could not read (a snapshot, a visit, a runbook session) and moved aside, never
 * deleted: where it was, where it went (`movedTo` is the file itself when even that failed), and
 * why, in words. Listings report each one once.
 */
export interface QuarantinedFile {
  file: string
  movedTo: string
  reason: string
}
