import { useMemo, useState } from 'react'
import { Button } from '@renderer/components/button'
import { ErrorPanel } from '@renderer/components/error-panel'
import { Panel } from '@renderer/components/panel'
import { Spinner } from '@renderer/components/spinner'
import { useAppStore } from '@renderer/store/store-context'
import { ReportPanel } from '../reports/report-panel'
import { PreparePanel } from './prepare-panel'
import { TriageBoard } from './triage-board'
import { WorkListInput } from './work-list-input'

/** One visit: its name, site and notes, the work list input, the preparation and the triage board. */
export function VisitDetail() {
  const board = useAppStore((s) => s.board)
  const status = useAppStore((s) => s.boardStatus)
  const error = useAppStore((s) => s.boardError)
  const openVisitId = useAppStore((s) => s.openVisitId)
  const closeVisit = useAppStore((s) => s.closeVisit)
  const loadBoard = useAppStore((s) => s.loadBoard)
  const updateVisit = useAppStore((s) => s.updateVisit)
  const lastReportFields = useAppStore((s) => s.lastReportFields)
  const [reportOpen, setReportOpen] = useState(false)
  const listed = useMemo(() => new Set(board?.visit.devices.map((d) => d.deviceId) ?? []), [board])

  const back = (
    <Button onClick={closeVisit} className="visit-back">
      ← All visits
    </Button>
  )
  if (!board || board.visit.id !== openVisitId) {
    return (
      <section className="view visit-detail" aria-labelledby="visit-title">
        <header className="view-header">
          <h1 id="visit-title">Site visit</h1>
          {back}
        </header>
        {status === 'error' && error ? <ErrorPanel headingLevel={2} error={error} onRetry={() => void loadBoard()} /> : <Spinner label="Loading the visit…" />}
      </section>
    )
  }

  const { visit, rows } = board
  return (
    <section className="view visit-detail" aria-labelledby="visit-title">
      <header className="view-header">
        <div>
          <h1 id="visit-title">{visit.name}</h1>
          <p className="muted visit-meta">
            {visit.site ? <>Site: {visit.site} · </> : null}
            {visit.devices.length === 1 ? '1 charger' : `${visit.devices.length} chargers`}
            {visit.archived ? ' · archived' : ''}
          </p>
          {visit.notes ? <p className="visit-notes">{visit.notes}</p> : null}
        </div>
        <div className="visit-header-actions">
          <Button size="small" variant="primary" aria-expanded={reportOpen} onClick={() => setReportOpen(!reportOpen)}>
            Report
          </Button>
          <Button size="small" icon="archive" onClick={() => void updateVisit({ id: visit.id, archived: !visit.archived })}>
            {visit.archived ? 'Restore visit' : 'Archive visit'}
          </Button>
          {back}
        </div>
      </header>
      {reportOpen ? (
        <ReportPanel scope={{ kind: 'visit', visitId: visit.id }} subject={visit.name} initialFields={visit.reportFields ?? lastReportFields} onClose={() => setReportOpen(false)} />
      ) : null}
      <Panel title="Triage board" className="board-panel">
        <TriageBoard rows={rows} />
      </Panel>
      <PreparePanel visitId={visit.id} deviceCount={visit.devices.length} />
      <Panel title="Work list">
        <WorkListInput listed={listed} />
      </Panel>
    </section>
  )
}
