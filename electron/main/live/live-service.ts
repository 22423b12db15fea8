/**
 * Live telemetry for the renderer: which devices are watched (a device view or a visit holds a
 * watch while it is open), one stream client for the profile in use carrying all of them, the
 * window's visibility (hidden for longer than HIDDEN_STOP_AFTER_MS stops the stream; visible again
 * resumes it), and recordings fed from the frames. Pushes `live:status`, `live:frame` and
 * `recordings:changed` events.
 */
import { appError, fail, ok, type Result } from '@common/errors'
import type { EventName, IpcEvents } from '@common/ipc/contract'
import type { RecordingSummary } from '@common/live/recording-types'
import { HIDDEN_STOP_AFTER_MS, NOT_WATCHING, type StreamStatus } from '@common/live/stream-status'
import type { Logger } from '../logger'
import type { RecordingStore } from '../recordings/recording-store'
import type { StreamAccess } from '../tellus/stream/stream-access'
import { TelemetryStreamClient, type StreamClientOptions } from '../tellus/stream/telemetry-stream-client'

/** The profile in use and its client's stream access. */
export interface LiveProfile {
  profileId: string
  profileName: string
  access: StreamAccess
}

/** The live service's collaborators. */
export interface LiveServiceDeps {
  /** The profile in use, or why there is none (no profile, no secret …). */
  profileInUse: () => Promise<Result<LiveProfile>>
  recordings: RecordingStore
  emit: <E extends EventName>(event: E, payload: IpcEvents[E]) => void
  createClient?: (options: StreamClientOptions) => TelemetryStreamClient
  hiddenStopAfterMs?: number
  logger?: Logger
}

interface RunningStream {
  profile: LiveProfile
  client: TelemetryStreamClient
}

/** Watches, the stream and recordings. */
export class LiveService {
  readonly #watches = new Map<string, number>()
  #stream: RunningStream | null = null
  #status: StreamStatus = NOT_WATCHING
  #hiddenTimer: NodeJS.Timeout | undefined
  #stoppedWhileHidden = false

  constructor(private readonly deps: LiveServiceDeps) {}

  /** The stream's status now (the running client's own, so its frame count is current). */
  status(): StreamStatus {
    return this.#stream?.client.status ?? this.#status
  }

  /** Adds a watch on a device (each watch is released by one `unwatch`). */
  async watch(deviceId: string): Promise<Result<StreamStatus>> {
    this.#watches.set(deviceId, (this.#watches.get(deviceId) ?? 0) + 1)
    return this.apply()
  }

  /** Releases a watch; the stream stops when nothing is watched. */
  async unwatch(deviceId: string): Promise<Result<StreamStatus>> {
    const count = (this.#watches.get(deviceId) ?? 0) - 1
    if (count > 0) this.#watches.set(deviceId, count)
    else this.#watches.delete(deviceId)
    return this.apply()
  }

  /** The renderer reports its visibility: hidden for long stops the stream, visible resumes it. */
  setWindowVisible(visible: boolean): Result<StreamStatus> {
    clearTimeout(this.#hiddenTimer)
    if (!visible) {
      this.#hiddenTimer = setTimeout(() => {
        if (!this.#stream) return
        this.#stoppedWhileHidden = true
        this.#stream.client.stop('window-hidden')
      }, this.deps.hiddenStopAfterMs ?? HIDDEN_STOP_AFTER_MS)
    } else if (this.#stoppedWhileHidden) {
      this.#stoppedWhileHidden = false
      this.#stream?.client.setDevices([...this.#watches.keys()])
    }
    return ok(this.#status)
  }

  /** Starts recording a watched device's frames. */
  async startRecording(deviceId: string): Promise<Result<RecordingSummary>> {
    const stream = this.#stream
    if (!stream || !this.#watches.has(deviceId)) {
      return fail(appError('invalid-input', `${deviceId} is not being watched live.`, { action: 'Open the charger first; recording keeps the frames of the live stream.' }))
    }
    return this.deps.recordings.start({ deviceId, profileName: stream.profile.profileName, baseUrl: stream.profile.access.baseUrl })
  }

  /** Stops a device's recording. */
  stopRecording(deviceId: string): Promise<Result<RecordingSummary>> {
    return this.deps.recordings.stop(deviceId)
  }

  /** A profile was signed out, edited or removed: its stream stops (its token is gone). */
  profileDropped(profileId: string): void {
    if (this.#stream?.profile.profileId !== profileId) return
    this.#stream.client.stop('signed-out')
    this.#stream = null
  }

  /** Stops the stream and ends running recordings (app shutdown). */
  async dispose(): Promise<void> {
    clearTimeout(this.#hiddenTimer)
    this.#stream?.client.stop('not-watching')
    this.#stream = null
    await this.deps.recordings.stopAll()
  }

  /** Makes the stream carry exactly the watched devices, for the profile in use. */
  private async apply(): Promise<Result<StreamStatus>> {
    const deviceIds = [...this.#watches.keys()]
    if (deviceIds.length === 0) {
      this.#stream?.client.setDevices([])
      return ok(this.#status)
    }
    const profile = await this.deps.profileInUse()
    if (!profile.ok) {
      this.#stream?.client.stop('signed-out')
      this.#stream = null
      const { message, action } = profile.error
      this.publish({ ...NOT_WATCHING, deviceIds, connection: { state: 'unavailable', message, ...(action ? { action } : {}) } })
      return ok(this.#status)
    }
    if (this.#stream && this.#stream.profile.profileId !== profile.value.profileId) {
      this.#stream.client.stop('signed-out')
      this.#stream = null
    }
    this.#stream ??= { profile: profile.value, client: this.createClient(profile.value) }
    if (!this.#stoppedWhileHidden) this.#stream.client.setDevices([...this.#watches.keys()])
    return ok(this.#status)
  }

  private createClient(profile: LiveProfile): TelemetryStreamClient {
    const options: StreamClientOptions = {
      access: profile.access,
      logger: this.deps.logger,
      onStatus: (status) => {
        if (this.#stream?.profile.profileId === profile.profileId) this.publish(status)
      },
      onFrame: (frame) => {
        this.deps.emit('live:frame', frame)
        void this.deps.recordings.append(frame)
      },
    }
    return this.deps.createClient?.(options) ?? new TelemetryStreamClient(options)
  }

  private publish(status: StreamStatus): void {
    this.#status = status
    this.deps.emit('live:status', status)
  }
}
