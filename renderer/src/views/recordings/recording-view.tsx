import { useMemo, useState } from 'react'
import { Button } from '@renderer/components/button'
import { ErrorPanel } from '@renderer/components/error-panel'
import { Panel } from '@renderer/components/panel'
import { Spinner } from '@renderer/components/spinner'
import { useAppStore } from '@renderer/store/store-context'
import { seriesOfFrames } from '../device/live/chart-series'
import { PowerSocChart } from '../device/live/power-soc-chart'
import { describeRecording } from './recording-text'
import '../device/live/live.css'

/** One recorded test charge, from disk (works offline): what it was, the same charts as live, exports. */
export function RecordingView() {
  const recording = useAppStore((s) => s.openRecording)
  const error = useAppStore((s) => s.openRecordingError)
  const setView = useAppStore((s) => s.setView)
  const exportRecording = useAppStore((s) => s.exportRecording)
  const exportError = useAppStore((s) => s.recordingError)
  const [busy, setBusy] = useState(false)
  const series = useMemo(() => (recording ? seriesOfFrames(recording.frames) : {}), [recording])
  const back = (
    <Button onClick={() => setView('device')} variant="ghost">
      Back to the charger
    </Button>
  )
  if (error) {
    return (
      <div className="recording-view">
        <h1>Recording</h1>
        <ErrorPanel error={error} />
        {back}
      </div>
    )
  }
  if (!recording) {
    return (
      <div className="recording-view" aria-busy="true">
        <h1>Recording</h1>
        <Spinner label="Reading the recording…" />
      </div>
    )
  }
  const { summary } = recording
  const run = async (format: 'csv' | 'json') => {
    setBusy(true)
    await exportRecording({ id: summary.id, format })
    setBusy(false)
  }
  const connectorIds = Object.keys(series).map(Number)
  return (
    <div className="recording-view">
      <h1>
        Test charge of <span className="device-id">{summary.deviceId}</span>
      </h1>
      <p className="recording-facts">
        {describeRecording(summary)} · profile {summary.profileName}
      </p>
      <div className="recording-actions" role="group" aria-label="Recording actions">
        {back}
        <Button onClick={() => void run('csv')} disabled={busy}>
          Export as CSV
        </Button>
        <Button onClick={() => void run('json')} disabled={busy}>
          Export as JSON
        </Button>
      </div>
      {exportError ? <ErrorPanel headingLevel={2} error={exportError} /> : null}
      <Panel title="Power and state of charge">
        {connectorIds.length === 0 ? (
          <p>This recording holds no frames.</p>
        ) : (
          <div className="live-charts">
            {connectorIds.map((connectorId) => (
              <figure key={connectorId} className="live-chart">
                <PowerSocChart series={series[connectorId]!} label={`Connector ${connectorId}`} />
                <figcaption className="live-chart-caption">Connector {connectorId}: the whole recording</figcaption>
              </figure>
            ))}
          </div>
        )}
      </Panel>
    </div>
  )
}
