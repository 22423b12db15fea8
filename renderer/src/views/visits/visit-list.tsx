import { useState } from 'react'
import type { VisitSummary } from '@common/visits/visit-types'
import { Age } from '@renderer/components/age'
import { Banner } from '@renderer/components/banner'
import { Button } from '@renderer/components/button'
import { EmptyState } from '@renderer/components/empty-state'
import { ErrorPanel } from '@renderer/components/error-panel'
import { Panel } from '@renderer/components/panel'
import { Spinner } from '@renderer/components/spinner'
import { useAppStore } from '@renderer/store/store-context'
import { prepareSummary } from './prepare-words'
import { VisitForm } from './visit-form'

/** One visit in the list: name, site, counts, how its preparation stands; opens its board. */
function VisitCard({ visit }: { visit: VisitSummary }) {
  const openVisit = useAppStore((s) => s.openVisit)
  return (
    <li className="visit-card">
      <div className="visit-card-main">
        <Button variant="ghost" className="visit-card-open" onClick={() => void openVisit(visit.id)} aria-label={`Open visit ${visit.name}`}>
          {visit.name}
        </Button>
        <span className="muted">
          {visit.site ? `${visit.site} · ` : ''}created <Age at={visit.createdAt} />
          {visit.archived ? ' · archived' : ''}
        </span>
      </div>
      <p className="visit-card-counts">
        {visit.deviceCount === 1 ? '1 charger' : `${visit.deviceCount} chargers`} · {prepareSummary(visit)}
      </p>
    </li>
  )
}

/** The visits, newest first (archived ones on request), and the form to create one. */
export function VisitList() {
  const visits = useAppStore((s) => s.visitList)
  const status = useAppStore((s) => s.visitsStatus)
  const error = useAppStore((s) => s.visitsError)
  const quarantined = useAppStore((s) => s.quarantinedVisits)
  const loadVisits = useAppStore((s) => s.loadVisits)
  const [showArchived, setShowArchived] = useState(false)
  const shown = visits.filter((v) => showArchived || !v.archived)
  const archivedCount = visits.filter((v) => v.archived).length

  let body
  if (status === 'error' && error) body = <ErrorPanel headingLevel={2} error={error} onRetry={() => void loadVisits()} />
  else if (status !== 'loaded') body = <Spinner label="Loading visits…" />
  else if (shown.length === 0)
    body = (
      <EmptyState level={3} title={visits.length === 0 ? 'No visits yet' : 'No open visits'}>
        Create a visit at the depot, paste the work order, and prepare it while you have signal: the whole visit is then ready offline.
      </EmptyState>
    )
  else
    body = (
      <ul className="visit-cards" aria-label="Visits">
        {shown.map((visit) => (
          <VisitCard key={visit.id} visit={visit} />
        ))}
      </ul>
    )

  return (
    <section className="view visits-view" aria-labelledby="visits-title">
      <header className="view-header">
        <h1 id="visits-title">Site visits</h1>
      </header>
      {quarantined.length > 0 ? (
        <Banner variant="warning" title={`${quarantined.length === 1 ? 'A visit file' : `${quarantined.length} visit files`} could not be read and were moved aside`}>
          {quarantined.map((q) => (
            <p key={q.movedTo}>
              {q.reason} Kept at <span className="mono">{q.movedTo}</span>.
            </p>
          ))}
        </Banner>
      ) : null}
      <Panel title="New visit">
        <VisitForm />
      </Panel>
      <Panel
        title="Visits"
        actions={
          archivedCount > 0 ? (
            <Button size="small" aria-pressed={showArchived} onClick={() => setShowArchived(!showArchived)}>
              {showArchived ? 'Hide archived' : `Show archived (${archivedCount})`}
            </Button>
          ) : null
        }
      >
        {body}
      </Panel>
    </section>
  )
}
