import { useMemo, useState } from 'react'
import { chargerKind } from '@common/diagnostics/charger-kind'
import type { Finding } from '@common/diagnostics/finding'
import { findExtensionIssues } from '@common/tellus/device-extensions'
import { judgeDevice } from '@common/diagnostics/verdict'
import type { AppError } from '@common/errors'
import { Banner } from '@renderer/components/banner'
import { useSnapshotDevice } from '@renderer/hooks/use-snapshot-device'
import type { CurrentDevice } from '@renderer/store/device-slice'
import { ExportButtons } from '../snapshots/export-buttons'
import { findingsByConnector } from './connector-readings'
import { ComponentHealthPanel } from './component-health-panel'
import { ConnectivityPanel } from './connectivity-panel'
import { ConnectorsSection } from './connectors-section'
import { DeviceFacts } from './device-facts'
import { DeviceVerdict } from './device-verdict'
import { DiagnosticsSection } from './diagnostics-section'
import { findingAnchorId } from './findings-list'
import { FirmwarePanel } from './firmware-panel'
import { OfflineBanner } from './offline-banner'
import { RawData } from './raw-data'
import { LiveSection } from './live/live-section'
import { useLiveDevice } from './live/use-live-device'
import { useLiveView } from './live/use-live-view'
import { RecordingsList } from '../recordings/recordings-list'
import { DeviceReport } from './device-report'

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

/** The in-page id of each finding, by finding, for the jumps from the verdict and the connector cards. */
function useFindingAnchors(findings: readonly Finding[]): (finding: Finding) => string {
  return useMemo(() => {
    const index = new Map(findings.map((finding, i) => [finding, i] as const))
    return (finding: Finding) => findingAnchorId(index.get(finding) ?? 0)
  }, [findings])
}

/**
 * Everything about the device on screen, verdict first: banners, the verdict (state, problems,
 * connector tiles), then one section each for diagnostics, connectors, details and firmware, raw data.
 * Sections are separate components in this folder; new ones go after the connectors.
 */
export function DeviceDetail({ current }: { current: CurrentDevice }) {
  const fetched = useSnapshotDevice(current.snapshot, current.device)
  // A stored snapshot opened from the list is history: only a fetched (or offline-copy) device is watched live.
  const liveData = useLiveDevice(current.source === 'snapshot' ? null : current.snapshot.deviceId)
  const { read, liveMarkOf } = useLiveView(fetched, liveData, current.snapshot.fetchedAt)
  const anchorOf = useFindingAnchors(read.findings)
  const findingsOf = useMemo(() => findingsByConnector(read.findings), [read.findings])
  const issues = useMemo(() => findExtensionIssues(current.snapshot.data), [current.snapshot.data])
  const verdict = useMemo(() => (read.readable ? judgeDevice(read.device, read.findings) : null), [read])
  const [reportOpen, setReportOpen] = useState(false)
  // A draft the store could not save has no id: nothing to export.
  const exportButtons = current.saved ? (
    <div className="device-export">
      <ExportButtons ids={[current.snapshot.id]} />
    </div>
  ) : null
  return (
    <div className="device-detail">
      {current.source !== 'live' ? <OfflineBanner current={current} /> : null}
      {current.saved ? null : <StorageWarning error={current.storageError} />}
      {read.readable && verdict ? (
        <>
          <DeviceVerdict
            device={read.device}
            current={current}
            verdict={verdict}
            findingsOf={findingsOf}
            anchorOf={anchorOf}
            reportOpen={reportOpen}
            onToggleReport={() => setReportOpen(!reportOpen)}
          />
          {reportOpen ? <DeviceReport deviceId={current.snapshot.deviceId} onClose={() => setReportOpen(false)} /> : null}
          <DiagnosticsSection findings={read.findings} deviceId={current.snapshot.deviceId} />
          {current.source !== 'snapshot' ? <LiveSection deviceId={current.snapshot.deviceId} live={liveData} /> : null}
          <ConnectorsSection
            connectors={read.device.connectors ?? []}
            findingsOf={findingsOf}
            anchorOf={anchorOf}
            liveMarkOf={liveMarkOf}
            kind={chargerKind(read.device.model)}
            issues={issues}
          />
          <ComponentHealthPanel device={read.device} findings={read.findings} issues={issues} anchorOf={anchorOf} />
          <ConnectivityPanel device={read.device} findings={read.findings} issues={issues} anchorOf={anchorOf} />
          <RecordingsList deviceId={current.snapshot.deviceId} />
          <div className="device-columns">
            <DeviceFacts device={read.device} current={current} actions={exportButtons} />
            <FirmwarePanel device={read.device} />
          </div>
        </>
      ) : (
        <>
          <Banner variant="error" title="This data cannot be read as a charger">
            <p>{read.readable ? null : read.problem}</p>
            <p>The raw data is shown below so you can pass it on to support.</p>
          </Banner>
          {exportButtons}
        </>
      )}
      <RawData data={current.snapshot.data} />
    </div>
  )
}
