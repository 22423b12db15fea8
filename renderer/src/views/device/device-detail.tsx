import type { Finding } from '@common/diagnostics/finding'
import type { AppError } from '@common/errors'
import type { Connector } from '@common/tellus/schemas'
import { Banner } from '@renderer/components/banner'
import { Panel } from '@renderer/components/panel'
import { StatusBadge } from '@renderer/components/status-badge'
import { useSnapshotDevice } from '@renderer/hooks/use-snapshot-device'
import type { CurrentDevice } from '@renderer/store/device-slice'
import { ExportButtons } from '../snapshots/export-buttons'
import { ConnectorCard } from './connector-card'
import { DeviceHeader } from './device-header'
import { FindingsList } from './findings-list'
import { FirmwarePanel } from './firmware-panel'
import { OfflineBanner } from './offline-banner'
import { RawData } from './raw-data'

/** "2 critical, 1 warning" for a findings summary. */
function countText(findings: readonly Finding[]): string {
  const counts = (['critical', 'warning', 'info'] as const)
    .map((severity) => [severity, findings.filter((f) => f.severity === severity).length] as const)
    .filter(([, n]) => n > 0)
    .map(([severity, n]) => `${n} ${severity}`)
  return counts.join(', ')
}

function ConnectorsPanel({ connectors, findings }: { connectors: readonly Connector[]; findings: readonly Finding[] }) {
  return (
    <Panel title={`Connectors (${connectors.length})`} className="connectors-panel">
      {connectors.length === 0 ? (
        <p>The response lists no connectors.</p>
      ) : (
        <div className="connector-grid">
          {connectors.map((connector, index) => (
            <ConnectorCard
              key={`${connector.connector_id}-${index}`}
              connector={connector}
              findings={findings.filter((f) => f.connectorId === connector.connector_id)}
            />
          ))}
        </div>
      )}
    </Panel>
  )
}

function DiagnosticsPanel({ findings }: { findings: readonly Finding[] }) {
  const summary = countText(findings)
  return (
    <Panel title="Diagnostics" className="diagnostics-panel" actions={summary ? <span className="diagnostics-count">{summary}</span> : null}>
      {findings.length === 0 ? (
        <p className="no-findings">
          <StatusBadge kind="custom" look={{ tone: 'ok', icon: 'ok', label: 'No findings', origin: 'documented' }} /> Every check passed for this data.
        </p>
      ) : (
        <FindingsList findings={findings} />
      )}
      <p className="field-hint">Judged as of the fetch time, so an old snapshot is judged as it was then.</p>
    </Panel>
  )
}

/** A live fetch whose snapshot could not be saved: shown, but not kept for offline use. */
function StorageWarning({ error }: { error: AppError }) {
  return (
    <Banner variant="warning" title={`Fetched, but not kept for offline use: ${error.message}`}>
      <p>
        {error.action ? `${error.action} ` : ''}This data is on screen only: it will not open without a network, and it cannot be exported.
      </p>
    </Banner>
  )
}

/** Snapshot ids the store never saved (the save failed) start with this; they cannot be exported. */
const UNSAVED_PREFIX = 'unsaved-'

/** Everything about the device on screen: banners, header, export, firmware, connectors, diagnostics, raw data. */
export function DeviceDetail({ current }: { current: CurrentDevice }) {
  const read = useSnapshotDevice(current.snapshot)
  const exportButtons = current.snapshot.id.startsWith(UNSAVED_PREFIX) ? null : (
    <div className="device-export">
      <ExportButtons ids={[current.snapshot.id]} />
    </div>
  )
  return (
    <div className="device-detail">
      {current.source !== 'live' ? <OfflineBanner current={current} /> : null}
      {current.storageError ? <StorageWarning error={current.storageError} /> : null}
      {read.readable ? (
        <>
          <DeviceHeader device={read.device} current={current} />
          {exportButtons}
          <div className="device-columns">
            <FirmwarePanel device={read.device} />
            <DiagnosticsPanel findings={read.findings} />
          </div>
          <ConnectorsPanel connectors={read.device.connectors ?? []} findings={read.findings} />
        </>
      ) : (
        <>
          <Banner variant="error" title="This data cannot be read as a charger">
            <p>{read.problem}</p>
            <p>The raw data is shown below so you can pass it on to support.</p>
          </Banner>
          {exportButtons}
        </>
      )}
      <RawData data={current.snapshot.data} />
    </div>
  )
}
