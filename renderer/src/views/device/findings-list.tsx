import type { Finding } from '@common/diagnostics/finding'
import { findRunbook } from '@common/diagnostics/runbooks'
import { Button } from '@renderer/components/button'
import { StatusBadge } from '@renderer/components/status-badge'
import { useAppStore } from '@renderer/store/store-context'

/** The finding's reference: a button to the fault dictionary entry, or the runbook's steps. */
function FindingReference({ finding }: { finding: Finding }) {
  const openFault = useAppStore((s) => s.openFault)
  const reference = finding.reference
  if (!reference) return null
  if (reference.kind === 'fault') {
    return (
      <Button size="small" variant="ghost" className="finding-ref" onClick={() => openFault(reference.id)}>
        {reference.id} {reference.title}: open in the fault dictionary
      </Button>
    )
  }
  const runbook = findRunbook(reference.id)
  return (
    <details className="runbook-hint">
      <summary>Runbook: {reference.title}</summary>
      {runbook ? (
        <>
          <p>{runbook.summary}</p>
          <ol>
            {runbook.steps.map((step) => (
              <li key={step.id}>
                {step.title}: {step.text}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </details>
  )
}

/** The in-page id of the finding at `index` of a device's findings (the verdict jumps to it). */
export function findingAnchorId(index: number): string {
  return `finding-${index + 1}`
}

/**
 * One finding: severity (colour, icon and word), message, what to do, and where to read more.
 * Messages name their connector themselves ("Connector 2 is at 82.0 °C…"). With an `id` it is a jump target.
 */
export function FindingItem({ finding, id }: { finding: Finding; id?: string }) {
  return (
    <li id={id} tabIndex={id === undefined ? undefined : -1} className={`finding finding-${finding.severity}`}>
      <StatusBadge kind="severity" value={finding.severity} />
      <div className="finding-body">
        <p className="finding-message">{finding.message}</p>
        {finding.action ? (
          <p className="finding-action">
            <strong>What to do: </strong>
            {finding.action}
          </p>
        ) : null}
        <FindingReference finding={finding} />
      </div>
    </li>
  )
}

/** A device's findings, most severe first (the order `diagnoseDevice` returns), each with its anchor id. */
export function FindingsList({ findings, label }: { findings: readonly Finding[]; label?: string }) {
  return (
    <ul className="findings" aria-label={label}>
      {findings.map((finding, index) => (
        <FindingItem key={`${finding.ruleId}-${finding.connectorId ?? 'device'}-${index}`} finding={finding} id={findingAnchorId(index)} />
      ))}
    </ul>
  )
}
