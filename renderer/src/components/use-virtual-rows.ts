/**
 * Virtual rows for a long table in its own scroll box (@tanstack/react-virtual): only the rows in
 * view (plus a few) are in the DOM, with spacer heights above and below. Rows are measured as they
 * render. Where the box or a row has no size yet (not laid out), the box counts as a window tall
 * and the row as the estimate, so the first rows show at once and no more than fit.
 */
import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual'
import { useRef } from 'react'

/** The size assumed for a scroll box that reports none (hidden, or no layout engine). */
const UNLAID_RECT = { width: 1280, height: 800 }

/** The virtual rows of `count` rows keyed by `keyOf`, with the spacer heights around them. */
export function useVirtualRows(count: number, keyOf: (index: number) => string, estimatedRowPx: number) {
  const scrollRef = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- read afresh on every render; nothing derived from it is memoised
  const virtualizer: Virtualizer<HTMLDivElement, HTMLTableRowElement> = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimatedRowPx,
    getItemKey: keyOf,
    overscan: 8,
    observeElementRect: (instance, report) => observeElementRect(instance, (rect) => report(rect.height > 0 ? rect : UNLAID_RECT)),
    // A row without layout measures 0: keep the estimate instead of fitting every row in view.
    measureElement: (row) => row.getBoundingClientRect().height || estimatedRowPx,
  })
  const rows = virtualizer.getVirtualItems()
  const spaceBefore = rows[0]?.start ?? 0
  const spaceAfter = Math.max(0, virtualizer.getTotalSize() - (rows.at(-1)?.end ?? 0))
  return { scrollRef, rows, spaceBefore, spaceAfter, measureRow: virtualizer.measureElement }
}
