import type { ReactNode } from 'react'
import type { ValueChange } from '@common/snapshots/compare-snapshots'
import { formatTimestamp } from '@common/format/timestamp'
import { ComparedValueView, describeChange } from './compared-value'
import { VisuallyHidden } from '@renderer/components/visually-hidden'

/** Props of `CompareTable`: one group of fields (the charger, or one connector) before and after. */
export interface CompareTableProps {
  title: string
  /** Extra words after the title (e.g. "only in the newer snapshot"). */
  note?: ReactNode
  changes: ValueChange[]
  scope: 'device' | 'connector'
  olderFetchedAt: string
  newerFetchedAt: string
  /** Hide rows that did not change. */
  onlyChanged: boolean
}

/** A before/after table; changed rows are highlighted and say "changed" in words, not only colour. */
export function CompareTable({ title, note, changes, scope, olderFetchedAt, newerFetchedAt, onlyChanged }: CompareTableProps) {
  const rows = onlyChanged ? changes.filter((c) => c.changed) : changes
  const changedCount = changes.filter((c) => c.changed).length
  return (
    <section className="compare-group" aria-label={title}>
      <h2 className="compare-group-title">
        {title}
        {note ? <span className="compare-group-note"> {note}</span> : null}
        <span className="compare-group-count">{changedCount === 0 ? 'no changes' : changedCount === 1 ? '1 change' : `${changedCount} changes`}</span>
      </h2>
      {rows.length === 0 ? null : (
        <table className="compare-table">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">
                Older <span className="compare-note">{formatTimestamp(olderFetchedAt)}</span>
              </th>
              <th scope="col">
                Newer <span className="compare-note">{formatTimestamp(newerFetchedAt)}</span>
              </th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((change) => (
              <tr key={change.field} className={change.changed ? 'compare-row compare-row-changed' : 'compare-row'}>
                <th scope="row">
                  {change.label}
                  {change.changed ? <VisuallyHidden> (changed)</VisuallyHidden> : null}
                </th>
                <td>
                  <ComparedValueView change={change} value={change.before} fetchedAt={olderFetchedAt} scope={scope} />
                </td>
                <td>
                  <ComparedValueView change={change} value={change.after} fetchedAt={newerFetchedAt} scope={scope} />
                </td>
                <td className="compare-delta">{describeChange(change)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
