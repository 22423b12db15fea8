import type { FaultEntry } from '@common/diagnostics/fault-dictionary'
import { findRunbook } from '@common/diagnostics/runbooks'
import { StatusBadge } from '@renderer/components/status-badge'
import type { StatusLook } from '@renderer/components/status-look'

const SEVERITY_LOOKS: Record<FaultEntry['severity'], StatusLook> = {
  error: { tone: 'crit', icon: 'critical', label: 'Error', origin: 'documented' },
  warning: { tone: 'warn', icon: 'warning', label: 'Warning', origin: 'documented' },
}

/** One fault dictionary entry: code, title, severity, category, meaning, likely causes and on-site checks. */
export function FaultEntryCard({ fault }: { fault: FaultEntry }) {
  const headingId = `fault-${fault.code}`
  return (
    <article className="fault-entry" aria-labelledby={headingId}>
      <header className="fault-head">
        <h2 id={headingId} className="fault-title">
          <span className="mono fault-code">{fault.code}</span> {fault.title}
        </h2>
        <StatusBadge kind="custom" look={SEVERITY_LOOKS[fault.severity]} />
        <span className="badge badge-small tone-neutral">{fault.category}</span>
      </header>
      <p className="fault-meaning">{fault.meaning}</p>
      <div className="fault-columns">
        <div>
          <h3 className="subheading">Likely causes</h3>
          <ul>
            {fault.likelyCauses.map((cause) => (
              <li key={cause}>{cause}</li>
            ))}
          </ul>
        </div>
        <div>
          <h3 className="subheading">Checks on site</h3>
          <ol>
            {fault.onSite.map((check) => (
              <li key={check}>{check}</li>
            ))}
          </ol>
        </div>
      </div>
      {fault.relatedTelemetry.length > 0 ? (
        <p className="muted">
          Related readings: <span className="mono">{fault.relatedTelemetry.join(', ')}</span>
        </p>
      ) : null}
      {fault.runbooks.length > 0 ? (
        <p className="muted">Runbooks: {fault.runbooks.map((id) => findRunbook(id)?.title ?? id).join('; ')}</p>
      ) : null}
    </article>
  )
}
