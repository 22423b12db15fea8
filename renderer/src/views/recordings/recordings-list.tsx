import { useEffect } from 'react'
import { Button } from '@renderer/components/button'
import { Panel } from '@renderer/components/panel'
import { useAppStore } from '@renderer/store/store-context'
import { describeRecording } from './recording-text'

const NO_RECORDINGS: never[] = []

/** A device's recorded test charges, newest first, each opening in the recording view (works offline). */
export function RecordingsList({ deviceId }: { deviceId: string }) {
  const recordings = useAppStore((s) => s.recordingLists[deviceId] ?? NO_RECORDINGS)
  const load = useAppStore((s) => s.loadRecordings)
  const show = useAppStore((s) => s.showRecording)
  useEffect(() => {
    void load(deviceId)
  }, [deviceId, load])
  return (
    <Panel title={`Recordings (${recordings.length})`} className="recordings-panel">
      {recordings.length === 0 ? (
        <p>No test charge of this charger has been recorded yet. Use "Record test charge" while it is live.</p>
      ) : (
        <ul className="recordings-list">
          {recordings.map((summary) => (
            <li key={summary.id}>
              <span className="recording-facts">{describeRecording(summary)}</span>
              <Button size="small" onClick={() => void show(summary.id)} aria-label={`Open recording of ${describeRecording(summary)}`}>
                Open
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  )
}
