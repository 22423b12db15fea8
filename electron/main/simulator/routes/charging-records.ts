/**
 * `GET /v1/operator/charging-records`: the charging history, newest first, paginated. Filters:
 * `device_id`, `connector_id` (≥ 1), and `start_time` / `end_time` (ISO 8601), which select records
 * that started within that span. An unknown device id gives an empty page.
 */
import type { ChargingRecordData } from '../charging-records'
import { type Reply, invalidParameter, success } from '../envelope'
import { parseIsoDateTime } from '../iso-time'
import type { RouteContext } from './route'
import { type Parsed, pageOf, parseIntParam, parsePaging } from './pagination'

function parseTime(url: URL, name: string): Parsed<number | undefined> {
  const raw = url.searchParams.get(name)
  if (raw === null) return { ok: true, value: undefined }
  const value = parseIsoDateTime(raw)
  if (value === undefined) return { ok: false, reply: invalidParameter(name, raw, `${name} must be an ISO 8601 date-time`) }
  return { ok: true, value }
}

/** Lists charging records: 400/1001 for a bad filter, page or size. */
export function chargingRecordsRoute(context: RouteContext): Reply {
  const { url } = context
  const paging = parsePaging(url)
  if (!paging.ok) return paging.reply
  const connectorId = parseIntParam(url, 'connector_id', undefined, 1, 999)
  if (!connectorId.ok) return connectorId.reply
  const start = parseTime(url, 'start_time')
  if (!start.ok) return start.reply
  const end = parseTime(url, 'end_time')
  if (!end.ok) return end.reply
  if (start.value !== undefined && end.value !== undefined && start.value > end.value) {
    return invalidParameter('end_time', url.searchParams.get('end_time'), 'end_time must not be before start_time')
  }
  const deviceId = url.searchParams.get('device_id')
  const matches = (record: ChargingRecordData): boolean => {
    const startedAt = Date.parse(record.start_time)
    return (
      (deviceId === null || record.device_id === deviceId) &&
      (connectorId.value === undefined || record.connector_id === connectorId.value) &&
      (start.value === undefined || startedAt >= start.value) &&
      (end.value === undefined || startedAt <= end.value)
    )
  }
  return success(pageOf(context.state.records.filter(matches), paging.value))
}
