import type { Finding } from '@common/diagnostics/finding'
import { findRunbook } from '@common/diagnostics/runbooks'
import { Button } from '@renderer/components/button'
import { StatusBadge } from '@renderer/components/status-badge'
import { useAppStore } from '@renderer/store/store-context'
import { WhatToDo } from '@renderer/components/what-to-do'

/** The visit a runbook opened for `deviceId` belongs to: the open visit when the charger is on its board. */
function useVisitOf(deviceId: string | undefined): string | null {
  return useAppStore((s) => (deviceId && s.openVisitId && s.board?.visit.id === s.openVisitId && s.board.rows.some((r) => r.deviceId === deviceId) ? s.openVisitId : null))
}

/**
 * The finding's reference: a button to the fault dictionary entry, or one that opens the runbook
 * step by step for this charger (without a charger: the runbook's steps to read).
 */
function FindingReference({ finding, deviceId }: { finding: Finding; deviceId?: string }) {
  const openFault = useAppStore((s) => s.openFault)
  const openRunbook = useAppStore((s) => s.openRunbook)
  const visitId = useVisitOf(deviceId)
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
  if (runbook && deviceId) {
    return (
      <Button size="small" variant="ghost" icon="info" className="finding-ref" onClick={() => void openRunbook({ runbookId: runbook.id, deviceId, visitId })}>
        Runbook: {runbook.title}: walk it step by step
      </Button>
    )
  }
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
export function FindingItem({ finding, id, deviceId }: { finding: Finding; id?: string; deviceId?: string }) {
  return (
    <li id={id} tabIndex={id === undefined ? undefined : -1} className={`finding finding-${finding.severity}`}>
      <StatusBadge kind="severity" value={finding.severity} />
      <div className="finding-body">
        <p className="finding-message">{finding.message}</p>
        {finding.action ? (
          <WhatToDo className="finding-action" action={finding.action} />
        ) : null}
        <FindingReference finding={finding} deviceId={deviceId} />
      </div>
    </li>
  )
}

/** A device's findings, most severe first (the order `diagnoseDevice` returns), each with its anchor id. */
export function FindingsList({ findings, label, deviceId }: { findings: readonly Finding[]; label?: string; deviceId?: string }) {
  return (
    <ul className="findings" aria-label={label}>
      {findings.map((finding, index) => (
        <FindingItem key={`${finding.ruleId}-${finding.connectorId ?? 'device'}-${index}`} finding={finding} id={findingAnchorId(index)} deviceId={deviceId} />
      ))}
    </ul>
  )
}
