import type { Finding } from '@common/diagnostics/finding'
import { StatusBadge } from '@renderer/components/status-badge'
import { diffFindings, findingKey } from './finding-changes'

function FindingList({ findings, empty }: { findings: Finding[]; empty: string }) {
  if (findings.length === 0) return <p className="compare-note">{empty}</p>
  return (
    <ul className="compare-findings-list">
      {findings.map((finding) => (
        <li key={findingKey(finding)} className="compare-finding">
          <StatusBadge kind="severity" value={finding.severity} />
          <span className="compare-finding-text">{finding.message}</span>
        </li>
      ))}
    </ul>
  )
}

/** Findings of both snapshots: new since the older one, resolved, and still present. */
export function CompareFindings({ older, newer }: { older: Finding[]; newer: Finding[] }) {
  const { added, resolved, persisting } = diffFindings(older, newer)
  return (
    <section className="compare-group compare-findings" aria-labelledby="compare-findings-title">
      <h2 id="compare-findings-title" className="compare-group-title">
        Findings
      </h2>
      <div className="compare-findings-columns">
        <section aria-label="New findings">
          <h3>New since the older snapshot ({added.length})</h3>
          <FindingList findings={added} empty="No new findings." />
        </section>
        <section aria-label="Resolved findings">
          <h3>Resolved ({resolved.length})</h3>
          <FindingList findings={resolved} empty="Nothing resolved." />
        </section>
        <section aria-label="Findings still present">
          <h3>Still present ({persisting.length})</h3>
          <FindingList findings={persisting} empty="None." />
        </section>
      </div>
    </section>
  )
}
