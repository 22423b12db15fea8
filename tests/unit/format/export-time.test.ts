/**
 * The exports' time rule (issue 13): every exported report gives local time with its zone and UTC
 * beside it, through one formatter in common, used by the HTML report, the JSON export and the
 * recording exports.
 */
import { describe, expect, it } from 'vitest'
import { formatExportTime } from '@common/format/timestamp'
import { recordingCsv, recordingJson } from '@main/recordings/recording-exporter'
import { buildHtmlReport } from '@main/snapshots/export/build-html-report'
import { buildJsonExport } from '@main/snapshots/export/build-json-export'
import type { Recording } from '@common/live/recording-types'
import { devicePayload, snapshotOf } from '../snapshots/support'
import { useTimeZone } from '../../support/common-fixtures'

useTimeZone('Europe/Berlin')

const WINTER = '2025-03-15T11:00:00.000Z'
const SUMMER = '2025-07-01T09:30:05Z'

describe('formatExportTime', () => {
  it.each([
    [WINTER, '2025-03-15 12:00:00 UTC+01:00 (2025-03-15 11:00:00 UTC)'],
    [SUMMER, '2025-07-01 11:30:05 UTC+02:00 (2025-07-01 09:30:05 UTC)'],
    [Date.UTC(2025, 11, 31, 23, 30), '2026-01-01 00:30:00 UTC+01:00 (2025-12-31 23:30:00 UTC)'],
  ])('%s → local with zone, UTC beside it', (value, expected) => {
    expect(formatExportTime(value)).toBe(expected)
  })

  it('says UTC once where local time is UTC', () => {
    process.env.TZ = 'UTC'
    try {
      expect(formatExportTime(WINTER)).toBe('2025-03-15 11:00:00 UTC')
    } finally {
      process.env.TZ = 'Europe/Berlin'
    }
  })

  it('keeps text that is not a time as it came, and a missing one as —', () => {
    expect(formatExportTime('yesterday')).toBe('yesterday')
    expect(formatExportTime(undefined)).toBe('—')
  })
})

describe('every exporter follows it', () => {
  const snapshot = snapshotOf('dvc_a', devicePayload('dvc_a'), WINTER, 'dvc_a~20250315T110000000Z-00aaaaaa')

  it('the HTML report: export and fetch times local with zone and UTC beside, and says so in its footer', () => {
    const report = buildHtmlReport({ snapshots: [snapshot], appVersion: '0.1.0', exportedAt: SUMMER })
    expect(report).toContain('Exported 2025-07-01 11:30:05 UTC+02:00 (2025-07-01 09:30:05 UTC)')
    expect(report).toContain('Fetched 2025-03-15 12:00:00 UTC+01:00 (2025-03-15 11:00:00 UTC)')
    expect(report).not.toContain('times UTC<')
    expect(report).toMatch(/times in local time with the zone, UTC in brackets/)
  })

  it('the JSON export: the ISO time for machines and the local time with zone and UTC for people', () => {
    const parsed = JSON.parse(buildJsonExport([snapshot], { appVersion: '0.1.0', exportedAt: SUMMER })) as Record<string, unknown>
    expect(parsed['exportedAt']).toBe(SUMMER)
    expect(parsed['exportedAtLocal']).toBe('2025-07-01 11:30:05 UTC+02:00 (2025-07-01 09:30:05 UTC)')
  })

  const START = Date.parse(WINTER)
  const recording: Recording = {
    summary: { id: 'dvc_a~20250315T110000000Z-r0a1b2c', deviceId: 'dvc_a', profileName: 'Demo', startedAt: WINTER, endedAt: WINTER, end: 'stopped', frames: 1, damagedLines: 0 },
    frames: [{ receivedAt: START, frame: { device_id: 'dvc_a', timestamp: WINTER, connectors: [{ connector_id: 1, state: 'charging', power: 7.2 }] } }],
  }

  it('the recording CSV: a local time column beside the UTC one', () => {
    const [header, row] = recordingCsv(recording).split('\n')
    expect(header).toBe('received_at,received_at_local,frame_timestamp,connector_id,state,power_kw,energy_delivered_kwh,soc_percent')
    expect(row).toBe('2025-03-15T11:00:00.000Z,2025-03-15 12:00:00 UTC+01:00 (2025-03-15 11:00:00 UTC),2025-03-15T11:00:00.000Z,1,charging,7.2,,')
  })

  it('the recording JSON: the export time also in local time with zone and UTC', () => {
    expect(recordingJson(recording, { appVersion: '1.2.3', now: START })).toMatchObject({
      exportedBy: 'Tellus Field 1.2.3',
      exportedAt: WINTER,
      exportedAtLocal: '2025-03-15 12:00:00 UTC+01:00 (2025-03-15 11:00:00 UTC)',
    })
  })
})
