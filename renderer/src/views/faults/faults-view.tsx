import { useId } from 'react'
import { FAULTS, searchFaults } from '@common/diagnostics/fault-dictionary'
import { Button } from '@renderer/components/button'
import { EmptyState } from '@renderer/components/empty-state'
import { useAppStore } from '@renderer/store/store-context'
import { FaultEntryCard } from './fault-entry-card'

/** The Tellus fault dictionary: every code, searchable by code, title, category or meaning. */
export function FaultsView() {
  const query = useAppStore((s) => s.faultQuery)
  const setQuery = useAppStore((s) => s.setFaultQuery)
  const searchId = useId()
  const countId = useId()
  const matches = searchFaults(query)
  return (
    <section className="view faults-view" aria-labelledby="faults-title">
      <h1 id="faults-title">Fault dictionary</h1>
      <p className="lead">
        What each Tellus fault code means and what to check on site. Codes arrive on the charger's fault events; the operator API
        does not return them, so look them up here.
      </p>
      <div className="fault-search" role="search">
        <label htmlFor={searchId}>Search faults</label>
        <div className="lookup-row">
          <input
            id={searchId}
            className="input"
            type="search"
            value={query}
            placeholder="F-0421, contactor, temperature…"
            autoComplete="off"
            spellCheck={false}
            aria-describedby={countId}
            onChange={(event) => setQuery(event.target.value)}
          />
          {query ? <Button onClick={() => setQuery('')}>Show all</Button> : null}
        </div>
        <p id={countId} className="field-hint" role="status">
          {query ? `${matches.length} of ${FAULTS.length} codes match “${query}”.` : `All ${FAULTS.length} codes.`}
        </p>
      </div>
      {matches.length === 0 ? (
        <EmptyState title="No fault matches" icon="search">
          <p>Try a code such as F-0203, or a word such as “contactor”. An unknown code should be reported to Tellus support with the event payload.</p>
        </EmptyState>
      ) : (
        <div className="fault-list">
          {matches.map((fault) => (
            <FaultEntryCard key={fault.code} fault={fault} />
          ))}
        </div>
      )}
    </section>
  )
}
