import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ok } from '@common/errors'
import { formatExportTime } from '@common/format/timestamp'
import type { Recording } from '@common/live/recording-types'
import { RecordingExporter, recordingCsv } from '@main/recordings/recording-exporter'
import { DEVICE, testFrame } from './support'
import { tempRoot, unwrap } from '../../support/common-fixtures'

const START = Date.parse('2026-05-01T10:00:00Z')
const recording: Recording = {
  summary: { id: `${DEVICE}~20260501T100000000Z-r0a1b2c`, deviceId: DEVICE, profileName: 'Demo', startedAt: '2026-05-01T10:00:00.000Z', endedAt: '2026-05-01T10:00:02.000Z', end: 'stopped', frames: 2, damagedLines: 0 },
  frames: [testFrame(0, START), { receivedAt: START + 1000, frame: { device_id: DEVICE, timestamp: '2026-05-01T10:00:01Z', connectors: [{ connector_id: 2, state: 'pre,paring "x"' }] } }],
}

let root: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ root, cleanup } = await tempRoot()))
afterEach(() => cleanup())

describe('recording export', () => {
  it('writes one CSV row per connector per frame, quoting what needs it and leaving missing readings empty', () => {
    expect(recordingCsv(recording).split('\n')).toEqual([
      'received_at,received_at_local,frame_timestamp,connector_id,state,power_kw,energy_delivered_kwh,soc_percent',
      `2026-05-01T10:00:00.000Z,${formatExportTime(START)},2026-05-01T10:00:00.000Z,1,charging,0,0,40`,
      `2026-05-01T10:00:01.000Z,${formatExportTime(START + 1000)},2026-05-01T10:00:01Z,2,"pre,paring ""x""",,,`,
      '',
    ])
  })

  it('saves CSV or JSON where the technician chose, and nothing when they cancel', async () => {
    const exporter = (path: string | null) =>
      new RecordingExporter({ recordings: { get: async () => ok(recording) }, chooseSavePath: async () => path, appVersion: () => '1.2.3', now: () => START })
    const csvPath = join(root, 'r.csv')
    expect(unwrap(await exporter(csvPath).export({ id: recording.summary.id, format: 'csv' }))).toEqual({ saved: true, path: csvPath })
    expect(await readFile(csvPath, 'utf8')).toBe(recordingCsv(recording))
    const jsonPath = join(root, 'r.json')
    unwrap(await exporter(jsonPath).export({ id: recording.summary.id, format: 'json' }))
    expect(JSON.parse(await readFile(jsonPath, 'utf8'))).toEqual({ exportedBy: 'Tellus Field 1.2.3', exportedAt: '2026-05-01T10:00:00.000Z', exportedAtLocal: formatExportTime(START), recording })
    expect(unwrap(await exporter(null).export({ id: recording.summary.id, format: 'csv' }))).toEqual({ saved: false })
  })
})
