import { useMemo } from 'react'
import type { ChargerKind } from '@common/diagnostics/charger-kind'
import type { Finding } from '@common/diagnostics/finding'
import type { ExtensionIssue } from '@common/tellus/device-extensions'
import type { Connector } from '@common/tellus/schemas'
import { Age } from '@renderer/components/age'
import { JumpLink } from '@renderer/components/jump-link'
import { Reading, ReadingGrid } from '@renderer/components/reading'
import { connectorStatusLook } from '@renderer/components/status-look'
import { StatusBadge } from '@renderer/components/status-badge'
import { ComponentHealthReport } from './component-health-report'
import { CONNECTOR_READINGS, readingMarks } from './connector-readings'
import { extensionMarks } from './extension-marks'
import { LiveMark, type LiveMarkProps } from './live/live-mark'

/** What the sign of the power reading means, in words. */
function powerNote(power: number | null | undefined): string | null {
  if (power === null || power === undefined || !Number.isFinite(power)) return null
  if (power < 0) return 'negative: discharging (vehicle to grid)'
  return null
}

/** The id of a connector's card, for jumps from the verdict. */
export function connectorCardId(connectorId: number): string {
  return `connector-${connectorId}`
}

/** Props of `ConnectorCard`. */
export interface ConnectorCardProps {
  connector: Connector
  /** The connector's findings, most severe first. */
  findings: readonly Finding[]
  /** The in-page id of the first finding, for the jump to Diagnostics. */
  firstFindingId?: string
  /** Set when state, power, energy and SoC come from a live frame. */
  live?: LiveMarkProps
  /** The charger's kind, for the contactor default of the connector's component health. */
  kind: ChargerKind
  /** Unreadable values of this connector's component health (paths inside the connector). */
  healthIssues: readonly ExtensionIssue[]
  anchorOf: (finding: Finding) => string
}

/** The connector's own component health (proposed extension), when it reports one. */
function ConnectorHealth({ connector, findings, kind, healthIssues, anchorOf }: ConnectorCardProps) {
  const marks = useMemo(() => extensionMarks(findings, connector.connector_id), [findings, connector.connector_id])
  if (!connector.component_health && healthIssues.length === 0) return null
  const label = `Connector ${connector.connector_id} component health`
  return (
    <section className="connector-health" aria-label={label}>
      <h4 className="connector-health-title">Component health</h4>
      <ComponentHealthReport
        health={connector.component_health ?? undefined}
        kind={kind}
        marks={marks}
        anchorOf={anchorOf}
        issues={healthIssues}
        label={label}
      />
    </section>
  )
}

/**
 * One connector: status as colour and text, its readings as big numbers (an abnormal one marked
 * on the reading itself), telemetry age, and a jump to its findings (which live in Diagnostics only).
 */
export function ConnectorCard(props: ConnectorCardProps) {
  const { connector, findings, firstFindingId, live } = props
  const headingId = `${connectorCardId(connector.connector_id)}-title`
  const tone = connectorStatusLook(connector.status).tone
  const marks = readingMarks(findings)
  return (
    <article id={connectorCardId(connector.connector_id)} tabIndex={-1} className={`connector-card card-tone-${tone}`} aria-labelledby={headingId}>
      <header className="connector-head">
        <h3 id={headingId} className="connector-title">
          Connector {connector.connector_id}
        </h3>
        <StatusBadge kind="connector" value={connector.status} size="large" />
      </header>
      {live ? <LiveMark {...live} /> : null}
      <ReadingGrid>
        {CONNECTOR_READINGS.map(({ field, label, unit }) => {
          const marked = marks[field]
          return (
            <Reading
              key={field}
              label={label}
              value={connector[field]}
              unit={unit}
              note={field === 'power' ? powerNote(connector.power) : null}
              mark={marked?.reading ? { severity: marked.severity, note: marked.reading.note } : undefined}
            />
          )
        })}
      </ReadingGrid>
      <ConnectorHealth {...props} />
      <p className="connector-telemetry">
        Last telemetry: <Age at={connector.last_telemetry_time} />
      </p>
      {findings.length > 0 && firstFindingId ? (
        <p className="connector-findings">
          <JumpLink targetId={firstFindingId}>
            {findings.length === 1 ? '1 finding' : `${findings.length} findings`} for this connector: see Diagnostics
          </JumpLink>
        </p>
      ) : null}
    </article>
  )
}
