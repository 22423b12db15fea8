/**
 * The on-disk format of a recording: JSON Lines, appended. Line 1 is a header; then one line per
 * frame; a stopped recording ends with an end line. A line counts only when it is complete (ends
 * in "\n"), parses and matches its schema, so a write torn by a crash or power loss is never read
 * back as a frame: it is skipped and counted as damaged. A prefix of a JSON object never parses,
 * so a torn line cannot pass for a shorter valid one.
 */
import { z } from 'zod'
import type { LiveFrame } from '@common/live/stream-status'
import type { RecordingEnd } from '@common/live/recording-types'
import { TelemetryFrameSchema } from '@common/tellus/schemas'

/** Identifies the file type in the header line. */
export const RECORDING_FORMAT = 'tellus-field-recording'
export const RECORDING_FORMAT_VERSION = 1

const HeaderSchema = z.object({
  type: z.literal('header'),
  format: z.literal(RECORDING_FORMAT),
  version: z.number().int(),
  id: z.string().min(1),
  deviceId: z.string().min(1),
  profileName: z.string(),
  baseUrl: z.string(),
  startedAt: z.string().min(1),
})
const FrameLineSchema = z.object({ type: z.literal('frame'), receivedAt: z.number().finite(), frame: TelemetryFrameSchema })
const EndLineSchema = z.object({
  type: z.literal('end'),
  endedAt: z.string().min(1),
  end: z.enum(['stopped', 'frame-limit', 'time-limit', 'interrupted', 'write-failed']),
})

/** The header line's content. */
export type RecordingHeader = Omit<z.infer<typeof HeaderSchema>, 'type' | 'format' | 'version'>

/** The header line (with its newline). */
export function headerLine(header: RecordingHeader): string {
  return `${JSON.stringify({ type: 'header', format: RECORDING_FORMAT, version: RECORDING_FORMAT_VERSION, ...header })}\n`
}

/** One frame's line (with its newline). */
export function frameLine(frame: LiveFrame): string {
  return `${JSON.stringify({ type: 'frame', receivedAt: frame.receivedAt, frame: frame.frame })}\n`
}

/** The end line (with its newline). */
export function endLine(endedAt: string, end: RecordingEnd): string {
  return `${JSON.stringify({ type: 'end', endedAt, end })}\n`
}

/** What a recording file holds, read tolerantly. */
export interface DecodedRecording {
  header: RecordingHeader | null
  frames: LiveFrame[]
  end: { endedAt: string; end: RecordingEnd } | null
  damagedLines: number
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line)
  } catch {
    return undefined
  }
}

/** Reads a recording file's text; never throws. */
export function decodeRecording(text: string): DecodedRecording {
  const lines = text.split('\n')
  const torn = lines.pop() ?? '' // after the last "\n": empty, or a line whose write never finished
  const decoded: DecodedRecording = { header: null, frames: [], end: null, damagedLines: torn.length > 0 ? 1 : 0 }
  lines.forEach((line, index) => {
    if (line.length === 0) return
    const json = parseLine(line)
    if (index === 0) {
      const header = HeaderSchema.safeParse(json)
      if (header.success) {
        const { type: _type, format: _format, version: _version, ...rest } = header.data
        decoded.header = rest
        return
      }
    }
    const frame = FrameLineSchema.safeParse(json)
    if (frame.success && !decoded.end) {
      decoded.frames.push({ frame: frame.data.frame, receivedAt: frame.data.receivedAt })
      return
    }
    const end = EndLineSchema.safeParse(json)
    if (end.success && !decoded.end) {
      decoded.end = { endedAt: end.data.endedAt, end: end.data.end }
      return
    }
    decoded.damagedLines += 1
  })
  return decoded
}
