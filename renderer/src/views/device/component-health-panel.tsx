import { useMemo } from 'react'
import { chargerKind } from '@common/diagnostics/charger-kind'
import type { Finding } from '@common/diagnostics/finding'
import type { ExtensionIssue } from '@common/tellus/device-extensions'
import type { Device } from '@common/tellus/schemas'
import { Panel } from '@renderer/components/panel'
import { ComponentHealthReport } from './component-health-report'
import { extensionMarks } from './extension-marks'

/** The issues of the charger's own (device-level) component health report. */
export function deviceHealthIssues(issues: readonly ExtensionIssue[]): ExtensionIssue[] {
  return issues.filter((issue) => issue.path === 'component_health' || issue.path.startsWith('component_health.'))
}

/** Props of `ComponentHealthPanel`. */
export interface ComponentHealthPanelProps {
  device: Device
  findings: readonly Finding[]
  /** Every unreadable extension value of the device (`findExtensionIssues`). */
  issues: readonly ExtensionIssue[]
  anchorOf: (finding: Finding) => string
}

/**
 * The charger's own component health (proposed extension): gauges and values. Rendered only when
 * the charger reports it (or sent one that cannot be read); connectors' reports are on their cards.
 */
export function ComponentHealthPanel({ device, findings, issues, anchorOf }: ComponentHealthPanelProps) {
  const marks = useMemo(() => extensionMarks(findings, undefined), [findings])
  const own = useMemo(() => deviceHealthIssues(issues), [issues])
  if (!device.component_health && own.length === 0) return null
  return (
    <Panel title="Component health" className="component-health-panel">
      <ComponentHealthReport
        health={device.component_health ?? undefined}
        kind={chargerKind(device.model)}
        marks={marks}
        anchorOf={anchorOf}
        issues={own}
        label="Charger component health"
      />
    </Panel>
  )
}
