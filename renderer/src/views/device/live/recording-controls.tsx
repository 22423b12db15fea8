import { RECORDING_LIMITS } from '@common/live/recording-types'
import { formatDuration } from '@common/format/duration'
import { Button } from '@renderer/components/button'
import { ErrorPanel } from '@renderer/components/error-panel'
import { useNow } from '@renderer/hooks/use-now'
import { useAppStore } from '@renderer/store/store-context'

function Elapsed({ since }: { since: string }) {
  const now = useNow()
  return <>{formatDuration(now - Date.parse(since))}</>
}

/** Record / Stop for a watched device, with the running recording's time and frame count. */
export function RecordingControls({ deviceId, canRecord }: { deviceId: string; canRecord: boolean }) {
  const active = useAppStore((s) => s.activeRecordings[deviceId])
  const error = useAppStore((s) => s.recordingError)
  const start = useAppStore((s) => s.startRecording)
  const stop = useAppStore((s) => s.stopRecording)
  const limit = `up to ${RECORDING_LIMITS.maxDurationMs / 3_600_000} h or ${RECORDING_LIMITS.maxFrames.toLocaleString('en-GB')} frames`
  return (
    <div className="recording-controls">
      {active ? (
        <>
          <span className="recording-indicator" role="status">
            <span className="recording-dot" aria-hidden="true" /> Recording <Elapsed since={active.startedAt} /> · {active.frames.toLocaleString('en-GB')} frames
          </span>
          <Button variant="danger" onClick={() => void stop(deviceId)}>
            Stop recording
          </Button>
        </>
      ) : (
        <Button variant="primary" onClick={() => void start(deviceId)} disabled={!canRecord} title={`Keeps every frame of this charger on disk, ${limit}`}>
          Record test charge
        </Button>
      )}
      {error ? <ErrorPanel headingLevel={3} error={error} /> : null}
    </div>
  )
}
