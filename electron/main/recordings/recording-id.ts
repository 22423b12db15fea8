/**
 * Recording ids: `<deviceId>~<yyyymmddThhmmssSSSZ>-r<rrrrrr>` (start time, random hex). They name
 * their device, sort by start time, are filesystem-safe and never look like a snapshot id.
 */
import { randomBytes } from 'node:crypto'
import { DEVICE_ID_PATTERN } from '@common/devices/device-id'

const DEVICE_PART = DEVICE_ID_PATTERN.source.replace(/^\^/, '').replace(/\$$/, '')

/** The strict shape of a recording id; anything else (paths, `..`) is refused. */
export const RECORDING_ID_PATTERN = new RegExp(`^(${DEVICE_PART})~(\\d{8}T\\d{9}Z)-r[0-9a-f]{6}$`)

/** The device of a valid recording id; null when it is not one. */
export function recordingDevice(id: string): string | null {
  return RECORDING_ID_PATTERN.exec(id)?.[1] ?? null
}

/** A new id for a recording of `deviceId` started at `startedAtMs`. */
export function newRecordingId(deviceId: string, startedAtMs: number): string {
  const stamp = new Date(startedAtMs).toISOString().replace(/[-:.]/g, '')
  return `${deviceId}~${stamp}-r${randomBytes(3).toString('hex')}`
}
