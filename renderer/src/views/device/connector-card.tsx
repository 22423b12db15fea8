import type { Finding } from '@common/diagnostics/finding'
import type { Connector } from '@common/tellus/schemas'
import { Age } from '@renderer/components/age'
import { Reading, ReadingGrid } from '@renderer/components/reading'
import { connectorStatusLook } from '@renderer/components/status-look'
import { StatusBadge } from '@renderer/components/status-badge'
import { FindingsList } from './findings-list'

/** What the sign of the power reading means, in words. */
function powerNote(power: number | null | undefined): string | null {
  if (power === null || power === undefined || !Number.isFinite(power)) return null
  if (power < 0) return 'negative: discharging (vehicle to grid)'
  return null
}

/** One connector: status as colour and text, its readings as big numbers, telemetry age and findings. */
export function ConnectorCard({ connector, findings }: { connector: Connector; findings: readonly Finding[] }) {
  const headingId = `connector-${connector.connector_id}-title`
  const tone = connectorStatusLook(connector.status).tone
  return (
    <article className={`connector-card card-tone-${tone}`} aria-labelledby={headingId}>
      <header className="connector-head">
        <h3 id={headingId} className="connector-title">
          Connector {connector.connector_id}
        </h3>
        <StatusBadge kind="connector" value={connector.status} size="large" />
      </header>
      <ReadingGrid>
        <Reading label="Power" value={connector.power} unit="kW" note={powerNote(connector.power)} />
        <Reading label="Current" value={connector.current} unit="A" />
        <Reading label="Voltage" value={connector.voltage} unit="V" />
        <Reading label="Energy this session" value={connector.energy_delivered} unit="kWh" />
        <Reading label="State of charge" value={connector.soc} unit="%" />
        <Reading label="Temperature" value={connector.temperature} unit="°C" />
      </ReadingGrid>
      <p className="connector-telemetry">
        Last telemetry: <Age at={connector.last_telemetry_time} />
      </p>
      {findings.length > 0 ? <FindingsList findings={findings} label={`Findings for connector ${connector.connector_id}`} /> : null}
    </article>
  )
}
