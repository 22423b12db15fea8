import { useMemo } from 'react'
import type { ChargerKind } from '@common/diagnostics/charger-kind'
import type { Finding } from '@common/diagnostics/finding'
import type { ComponentHealth, ExtensionIssue } from '@common/tellus/device-extensions'
import { COMPONENT_HEALTH_FIELDS } from '@common/tellus/extension-fields'
import { Gauge } from '@renderer/components/gauge'
import { JumpLink } from '@renderer/components/jump-link'
import { componentGauges } from './component-gauges'
import { ExtensionFacts } from './extension-facts'
import type { ExtensionMarks } from './extension-marks'
import { UnreadableValues } from './unreadable-values'

/** Props of `ComponentHealthReport`. */
export interface ComponentHealthReportProps {
  /** The report; undefined when the charger sent one that cannot be read at all (see `issues`). */
  health: ComponentHealth | undefined
  kind: ChargerKind
  marks: ExtensionMarks
  anchorOf: (finding: Finding) => string
  /** Values of this report that could not be read. */
  issues: readonly ExtensionIssue[]
  /** Names the lists for assistive technology ("Connector 2 component health"). */
  label: string
}

/**
 * One component health report: a gauge per measured part (its judgement = the findings' severity,
 * with a jump to the finding), then every other reported value with its unit and meaning, then
 * values that could not be read.
 */
export function ComponentHealthReport({ health, kind, marks, anchorOf, issues, label }: ComponentHealthReportProps) {
  const gauges = useMemo(() => (health ? componentGauges(health, kind, marks) : []), [health, kind, marks])
  const shown = useMemo(() => new Set(gauges.flatMap((gauge) => gauge.fields)), [gauges])
  return (
    <div className="component-health">
      {gauges.length > 0 ? (
        <div className="gauge-grid" role="group" aria-label={`${label}: gauges`}>
          {gauges.map(({ model, finding }) => (
            <Gauge key={model.label} model={model} extra={finding ? <JumpLink targetId={anchorOf(finding)}>See the finding</JumpLink> : null} />
          ))}
        </div>
      ) : null}
      {health ? (
        <ExtensionFacts specs={COMPONENT_HEALTH_FIELDS} source={health} prefix="component_health." marks={marks} skip={shown} anchorOf={anchorOf} label={label} />
      ) : null}
      <UnreadableValues issues={issues} />
    </div>
  )
}
