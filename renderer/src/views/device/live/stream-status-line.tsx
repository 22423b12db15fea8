import type { StreamConnection, StreamStatus, StreamStopReason } from '@common/live/stream-status'
import { assertNever } from '@common/errors'
import { formatClockTime } from '@common/format/timestamp'
import { Age } from '@renderer/components/age'
import { Icon, type IconName } from '@renderer/components/icon'

const STOP_TEXT: Record<StreamStopReason, string> = {
  'not-watching': 'Live values are off.',
  'window-hidden': 'Paused: the window was hidden for over a minute. Live values resume when you come back to it.',
  'signed-out': 'Stopped: the profile was signed out or changed.',
}

/**
 * When the stream is tried again, as a time of day: written once per attempt, not counted down
 * every second (a countdown re-rendered the line, and repainted, each second while reconnecting).
 */
function NextTry({ at }: { at: number }) {
  return <>next try at {formatClockTime(at)}</>
}

function look(connection: StreamConnection): { tone: string; icon: IconName; title: string } {
  switch (connection.state) {
    case 'connecting':
      return { tone: 'info', icon: 'refresh', title: 'Connecting to the live stream…' }
    case 'live':
      return { tone: 'ok', icon: 'ok', title: 'Live' }
    case 'reconnecting':
      return { tone: 'warn', icon: 'warning', title: 'Reconnecting' }
    case 'stopped':
      return { tone: 'neutral', icon: 'idle', title: 'Live stopped' }
    case 'unavailable':
      return { tone: 'neutral', icon: 'unavailable', title: 'Live values not available for this profile' }
    default:
      return assertNever(connection, 'stream state')
  }
}

/** Props of `StreamStatusLine`. */
export interface StreamStatusLineProps {
  status: StreamStatus
  /** When the last frame of this device arrived (epoch ms). */
  lastFrameAt?: number
}

/** The live stream's state in one line, as colour, icon and text, with what happens next. */
export function StreamStatusLine({ status, lastFrameAt }: StreamStatusLineProps) {
  const { connection } = status
  const { tone, icon, title } = look(connection)
  return (
    <div className={`stream-status tone-${tone}`} role="status" data-state={connection.state}>
      <Icon name={icon} />
      <strong className="stream-status-title">{title}</strong>
      <span className="stream-status-detail">
        {connection.state === 'live' ? (
          lastFrameAt ? (
            <>
              last frame <Age at={lastFrameAt} />
            </>
          ) : (
            'waiting for the first frame'
          )
        ) : null}
        {connection.state === 'connecting' && connection.attempt > 0 ? `attempt ${connection.attempt + 1}` : null}
        {connection.state === 'reconnecting' ? (
          <>
            {connection.reason}; <NextTry at={connection.nextAttemptAt} /> (attempt {connection.attempt + 1})
          </>
        ) : null}
        {connection.state === 'stopped' ? STOP_TEXT[connection.reason] : null}
        {connection.state === 'unavailable' ? `${connection.message}${connection.action ? ` ${connection.action}` : ''}` : null}
      </span>
      {status.malformedFrames > 0 ? (
        <span className="stream-status-dropped">
          {status.malformedFrames === 1 ? '1 malformed frame dropped' : `${status.malformedFrames} malformed frames dropped`}
        </span>
      ) : null}
    </div>
  )
}
