import type { Finding } from '@common/diagnostics/finding'
import { Panel } from '@renderer/components/panel'
import { StatusBadge } from '@renderer/components/status-badge'
import { FindingsList } from './findings-list'

/** "2 critical, 1 warning" for a findings summary. */
export function countText(findings: readonly Finding[]): string {
  return (['critical', 'warning', 'info'] as const)
    .map((severity) => [severity, findings.filter((f) => f.severity === severity).length] as const)
    .filter(([, n]) => n > 0)
    .map(([severity, n]) => `${n} ${severity}`)
    .join(', ')
}

/** Every finding of the device, once, with what to do and where to read more (runbooks open for `deviceId`). */
export function DiagnosticsSection({ findings, deviceId }: { findings: readonly Finding[]; deviceId?: string }) {
  const summary = countText(findings)
  return (
    <Panel title="Diagnostics" className="diagnostics-panel" actions={summary ? <span className="diagnostics-count">{summary}</span> : null}>
      {findings.length === 0 ? (
        <p className="no-findings">
          <StatusBadge kind="custom" look={{ tone: 'ok', icon: 'ok', label: 'No findings', origin: 'documented' }} /> Every check passed for this data.
        </p>
      ) : (
        <FindingsList findings={findings} deviceId={deviceId} />
      )}
      <p className="field-hint">Judged as of the fetch time, so an old snapshot is judged as it was then.</p>
    </Panel>
  )
}
