/** How a recording is described in lists and in the recording view. */
import type { RecordingEnd, RecordingSummary } from '@common/live/recording-types'
import { formatDuration } from '@common/format/duration'
import { formatTimestamp } from '@common/format/timestamp'

const END_TEXT: Record<RecordingEnd, string> = {
  stopped: 'stopped',
  'frame-limit': 'ended at the frame limit',
  'time-limit': 'ended at the time limit',
  interrupted: 'interrupted (the app stopped while recording); every complete frame was kept',
  'write-failed': 'ended: the disk refused a write',
}

/** "15 Mar 2026, 11:05 · 4 min 12 s · 1,234 frames · stopped". */
export function describeRecording(summary: RecordingSummary): string {
  const duration = summary.endedAt ? formatDuration(Date.parse(summary.endedAt) - Date.parse(summary.startedAt)) : 'recording now'
  const parts = [formatTimestamp(summary.startedAt), duration, `${summary.frames.toLocaleString('en-GB')} frames`, summary.end ? END_TEXT[summary.end] : 'recording']
  if (summary.damagedLines > 0) parts.push(`${summary.damagedLines} damaged line${summary.damagedLines === 1 ? '' : 's'} skipped`)
  return parts.join(' · ')
}
