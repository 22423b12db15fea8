import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { TRIAGE_SEVERITIES, needsAttention } from '@common/visits/triage'
import type { TriageRow } from '@common/visits/visit-types'
import { EmptyState } from '@renderer/components/empty-state'
import { KeyboardShortcut } from '@renderer/components/keyboard-shortcut'
import { Button } from '@renderer/components/button'
import { useAppStore } from '@renderer/store/store-context'
import { filterRows, movedIndex, nextAttentionIndex, NO_FILTER, siteOptions, type BoardFilter } from './board-filter'
import { TriageRowView } from './triage-row'

/** Height of one board row (px); rows are two fixed lines, so the virtual list can use a fixed size. */
const ROW_HEIGHT = 64
/** The list scrolls inside this height (px) once it has more rows. */
const MAX_LIST_HEIGHT = 576

const SEVERITY_LABELS: Record<(typeof TRIAGE_SEVERITIES)[number], string> = { critical: 'Critical', warning: 'Warning', info: 'Info', none: 'No findings / no copy' }

/** Site and severity filters of the board. */
function BoardFilters({ rows, filter, onChange }: { rows: readonly TriageRow[]; filter: BoardFilter; onChange: (filter: BoardFilter) => void }) {
  return (
    <div className="board-filters" role="group" aria-label="Filter the board">
      <div className="field">
        <label htmlFor="board-site">Site</label>
        <select id="board-site" className="input" value={filter.site} onChange={(e) => onChange({ ...filter, site: e.target.value })}>
          <option value="">Every site</option>
          {siteOptions(rows).map((site) => (
            <option key={site} value={site}>
              {site}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="board-severity">Severity</label>
        <select id="board-severity" className="input" value={filter.severity} onChange={(e) => onChange({ ...filter, severity: e.target.value as BoardFilter['severity'] })}>
          <option value="">Any severity</option>
          {TRIAGE_SEVERITIES.map((severity) => (
            <option key={severity} value={severity}>
              {SEVERITY_LABELS[severity]}
            </option>
          ))}
        </select>
      </div>
    </div>
  )
}

/**
 * The triage board: the visit's chargers worst first, filtered by site and severity, in a
 * virtualised list (hundreds of rows stay responsive). Keyboard: ↑/↓, Home/End, PgUp/PgDn move;
 * Enter opens the charger; N jumps to the next charger that needs attention.
 */
export function TriageBoard({ rows }: { rows: readonly TriageRow[] }) {
  const openRow = useAppStore((s) => s.openBoardRow)
  const compare = useAppStore((s) => s.compareBeforeAfter)
  const openRunbook = useAppStore((s) => s.openRunbook)
  const removeDevice = useAppStore((s) => s.removeDeviceFromVisit)
  const visitId = useAppStore((s) => s.openVisitId)
  const [filter, setFilter] = useState<BoardFilter>(NO_FILTER)
  const shown = useMemo(() => filterRows(rows, filter), [rows, filter])
  const [active, setActive] = useState(0)
  const activeIndex = Math.min(active, Math.max(0, shown.length - 1))
  const scrollRef = useRef<HTMLDivElement>(null)
  const focusWanted = useRef(false)
  // The virtualizer's functions are not memoisable; this component does not pass them on.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialRect: { width: 1000, height: MAX_LIST_HEIGHT },
  })
  const attentionCount = shown.filter((row) => needsAttention(row)).length

  const moveTo = (index: number) => {
    if (index < 0 || index >= shown.length) return
    focusWanted.current = true
    setActive(index)
    virtualizer.scrollToIndex(index, { align: 'auto' })
  }

  // Focus follows the active row once it is rendered (it may have just scrolled into the window).
  useEffect(() => {
    if (!focusWanted.current) return
    const button = scrollRef.current?.querySelector<HTMLButtonElement>(`[data-index="${activeIndex}"] .triage-open`)
    if (button) {
      focusWanted.current = false
      button.focus()
    }
  })

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    if (event.key === 'n' || event.key === 'N') {
      event.preventDefault()
      moveTo(nextAttentionIndex(shown, activeIndex))
      return
    }
    const next = movedIndex(event.key, activeIndex, shown.length, Math.floor(MAX_LIST_HEIGHT / ROW_HEIGHT) - 1)
    if (next === null) return
    event.preventDefault()
    moveTo(next)
  }

  const height = Math.min(MAX_LIST_HEIGHT, Math.max(1, shown.length) * ROW_HEIGHT)
  return (
    <div className="triage-board">
      <div className="board-toolbar">
        <BoardFilters rows={rows} filter={filter} onChange={(f) => { setFilter(f); setActive(0) }} />
        <div className="board-keys">
          <Button size="small" disabled={attentionCount === 0} onClick={() => moveTo(nextAttentionIndex(shown, activeIndex))}>
            Next needing attention
          </Button>
          <span className="muted">
            <KeyboardShortcut keys={['N']} /> next · <KeyboardShortcut keys={['↑']} /> <KeyboardShortcut keys={['↓']} /> move · <KeyboardShortcut keys={['Enter']} /> open
          </span>
        </div>
      </div>
      <p className="board-count" role="status">
        {shown.length === rows.length ? `${rows.length} chargers` : `${shown.length} of ${rows.length} chargers`} · {attentionCount} need attention
      </p>
      {shown.length === 0 ? (
        <EmptyState level={3} title={rows.length === 0 ? 'The work list is empty' : 'No charger matches the filter'}>
          {rows.length === 0 ? 'Fill it below: paste the work order, or tick recent chargers or chargers from the charging records.' : 'Choose “Every site” and “Any severity” to see them all.'}
        </EmptyState>
      ) : (
        <>
          <div className="triage-head" aria-hidden="true">
            <span>Worst</span>
            <span>Charger · site / problem</span>
            <span>Status</span>
            <span>Snapshot</span>
            <span>Offline</span>
            <span>History</span>
          </div>
          <div ref={scrollRef} className="triage-scroll" style={{ height }} onKeyDown={onKeyDown}>
            <ul className="triage-list" aria-label="Triage board" style={{ height: virtualizer.getTotalSize() }}>
              {virtualizer.getVirtualItems().map((item) => {
                const row = shown[item.index]!
                return (
                  <li
                    key={row.deviceId}
                    data-index={item.index}
                    aria-setsize={shown.length}
                    aria-posinset={item.index + 1}
                    className="triage-item"
                    style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                  >
                    <TriageRowView
                      row={row}
                      active={item.index === activeIndex}
                      onFocus={() => setActive(item.index)}
                      onOpen={() => void openRow(row)}
                      onCompare={() => void compare(row)}
                      onRunbook={() => row.runbook && void openRunbook({ runbookId: row.runbook.id, deviceId: row.deviceId, visitId })}
                      onRemove={() => void removeDevice(row.deviceId)}
                    />
                  </li>
                )
              })}
            </ul>
          </div>
        </>
      )}
    </div>
  )
}
