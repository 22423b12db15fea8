import type { QuarantinedSnapshot } from '@common/snapshot-types'
import { Banner } from '@renderer/components/banner'

/** The folder the files were moved to, when they all went to the same one. */
function commonFolder(items: readonly QuarantinedSnapshot[]): string | null {
  const folders = new Set(items.map((q) => q.movedTo.replace(/[\\/][^\\/]*$/, '')))
  const [only] = folders
  return folders.size === 1 && only !== undefined ? only : null
}

/** Warns that unreadable snapshot files were moved aside, where to, and why (never fatal). */
export function QuarantineBanner({ items }: { items: readonly QuarantinedSnapshot[] }) {
  if (items.length === 0) return null
  const folder = commonFolder(items)
  const count = items.length === 1 ? '1 unreadable snapshot file was' : `${items.length} unreadable snapshot files were`
  return (
    <Banner variant="warning" title={folder ? `${count} moved aside to ${folder}` : `${count} moved aside`}>
      <p>The other snapshots are fine. The moved files are kept for support; you do not need to do anything.</p>
      <details>
        <summary>Which files and why</summary>
        <ul className="quarantine-list">
          {items.map((q) => (
            <li key={q.movedTo}>
              <code>{q.file}</code> → <code>{q.movedTo}</code>: {q.reason}
            </li>
          ))}
        </ul>
      </details>
    </Banner>
  )
}
