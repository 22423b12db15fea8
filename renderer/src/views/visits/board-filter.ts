import { needsAttention, rowSeverity, type TriageSeverity } from '@common/visits/triage'
import type { TriageRow } from '@common/visits/visit-types'

/** The board filter: a site id ('' = every site) and a severity ('' = any). */
export interface BoardFilter {
  site: string
  severity: TriageSeverity | ''
}

export const NO_FILTER: BoardFilter = { site: '', severity: '' }

/** Label of a row without a known site in the site filter. */
export const UNKNOWN_SITE = '(no offline copy)'

/** The rows the filter lets through, in board order. */
export function filterRows(rows: readonly TriageRow[], filter: BoardFilter): TriageRow[] {
  return rows.filter(
    (row) => (filter.site === '' || (row.siteId ?? UNKNOWN_SITE) === filter.site) && (filter.severity === '' || rowSeverity(row) === filter.severity),
  )
}

/** The sites of the board's rows, sorted, for the site filter. */
export function siteOptions(rows: readonly TriageRow[]): string[] {
  return [...new Set(rows.map((row) => row.siteId ?? UNKNOWN_SITE))].sort()
}

/** The next row after `from` that needs attention, wrapping round; -1 when none does. */
export function nextAttentionIndex(rows: readonly TriageRow[], from: number): number {
  for (let step = 1; step <= rows.length; step++) {
    const index = (from + step) % rows.length
    if (needsAttention(rows[index]!)) return index
  }
  return -1
}

/** The row a navigation key moves to from `index` (null: not a navigation key). */
export function movedIndex(key: string, index: number, count: number, pageSize: number): number | null {
  const last = count - 1
  switch (key) {
    case 'ArrowDown':
      return Math.min(last, index + 1)
    case 'ArrowUp':
      return Math.max(0, index - 1)
    case 'Home':
      return 0
    case 'End':
      return last
    case 'PageDown':
      return Math.min(last, index + pageSize)
    case 'PageUp':
      return Math.max(0, index - pageSize)
    default:
      return null
  }
}
