import { Panel } from '@renderer/components/panel'
import type { LiveDevice } from '@renderer/store/live-slice'
import { useAppStore } from '@renderer/store/store-context'
import { CHART_WINDOW_MS } from './chart-series'
import { PowerSocChart } from './power-soc-chart'
import { RecordingControls } from './recording-controls'
import { StreamStatusLine } from './stream-status-line'
import './live.css'

/** Props of `LiveSection`. */
export interface LiveSectionProps {
  deviceId: string
  live: LiveDevice | undefined
}

/**
 * The live telemetry of the device on screen: the stream's state, Record, and power and state of
 * charge over the last minutes for each connector.
 */
export function LiveSection({ deviceId, live }: LiveSectionProps) {
  const status = useAppStore((s) => s.liveStatus)
  const connectorIds = Object.keys(live?.series ?? {}).map(Number)
  const streaming = status.connection.state === 'live' && status.deviceIds.includes(deviceId)
  return (
    <Panel title="Live telemetry" className="live-section" actions={<RecordingControls deviceId={deviceId} canRecord={streaming} />}>
      <StreamStatusLine status={status} lastFrameAt={live?.latest.receivedAt} />
      {connectorIds.length === 0 ? (
        <p className="live-empty">Charts of power and state of charge appear here with the first frame.</p>
      ) : (
        <div className="live-charts">
          {connectorIds.map((connectorId) => (
            <figure key={connectorId} className="live-chart">
              <PowerSocChart series={live!.series[connectorId]!} label={`Connector ${connectorId}`} />
              <figcaption className="live-chart-caption">Connector {connectorId}: last {CHART_WINDOW_MS / 60_000} min</figcaption>
            </figure>
          ))}
        </div>
      )}
    </Panel>
  )
}
