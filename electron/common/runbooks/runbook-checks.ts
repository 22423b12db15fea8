/**
 * The automatic checks of the guided runbooks: pure functions of the charger's latest data, each
 * answering pass / fail / unknown (data missing) with evidence that names the value and the time
 * of the data ("heartbeat 12 s old at 2026-05-01 14:02:10 UTC+02:00"). Figures the docs give come
 * from thresholds.ts and the firmware catalogue; figures they do not give (the supply envelope,
 * the 90 s after a reboot) are parameters in resources/data/runbooks.json, named in the evidence.
 */
import { z } from 'zod'
import { formatDuration } from '../format/duration'
import { formatReading } from '../format/number'
import { formatTimestamp, parseTimestamp } from '../format/timestamp'
import type { Connector, Device } from '../tellus/schemas'
import { chargerKind } from '../diagnostics/charger-kind'
import { behindDistance, compareFirmware, upgradeAdvised } from '../diagnostics/firmware'
import { compareFirmwareVersions, parseFirmwareVersion } from '../diagnostics/firmware-version'
import { connectorLabel, connectorsOf, plausibleReading } from '../diagnostics/readings'
import { FIRMWARE_MAX_MINOR_VERSIONS_BEHIND, HEARTBEAT_FRESH_MS, NO_POWER_KW, PLAUSIBLE_RANGES, V2G_SOC_FLOOR_PERCENT } from '../diagnostics/thresholds'

/** What a check looks at: the newest data of the charger and when it was fetched. */
export interface RunbookCheckInput {
  /** The charger as fetched (live or the newest snapshot); null when there is no data at all. */
  device: Device | null
  /** When that data was fetched (ISO 8601). */
  fetchedAt: string | null
  /** True when `device` is the newest snapshot because the live fetch failed. */
  usedOfflineCopy: boolean
  /** When the technician recorded the reboot (ms), for the after-reboot check; null when not recorded. */
  rebootAt: number | null
}

/** A check's answer. */
export interface RunbookCheckResult {
  outcome: 'pass' | 'fail' | 'unknown'
  evidence: string
}

const version = z.string().refine((text) => parseFirmwareVersion(text) !== undefined, 'not a firmware version')

/** Each check's parameters (the data file's `check.params`), checked when the runbooks load. */
const CHECK_PARAMS = {
  'supply-voltage': z.strictObject({ nominalVolts: z.number().positive(), tolerancePercent: z.number().positive().max(50) }),
  'firmware-current': z.strictObject({}),
  'recovered-after-reboot': z.strictObject({ onlineWithinSeconds: z.number().int().positive() }),
  'soc-above-floor': z.strictObject({}),
  'firmware-minimum': z.strictObject({ minimum: version, purpose: z.string().min(1) }),
  'connector-charging': z.strictObject({}),
} as const

/** The ids of the automatic checks. */
export type RunbookCheckId = keyof typeof CHECK_PARAMS
export const RUNBOOK_CHECK_IDS = Object.keys(CHECK_PARAMS) as [RunbookCheckId, ...RunbookCheckId[]]

/** Why `params` do not suit check `id`, or undefined when they do. */
export function runbookCheckParamsError(id: RunbookCheckId, params: unknown): string | undefined {
  const parsed = CHECK_PARAMS[id].safeParse(params)
  if (parsed.success) return undefined
  const issue = parsed.error.issues[0]
  return `params${issue?.path.length ? `.${issue.path.join('.')}` : ''}: ${issue?.message ?? 'invalid'}`
}

type Params<Id extends RunbookCheckId> = z.infer<(typeof CHECK_PARAMS)[Id]>

/** " at <fetch time>" plus the offline-copy mark: the time part of every evidence line. */
function when(input: RunbookCheckInput): string {
  const at = ` at ${formatTimestamp(input.fetchedAt, { offset: true })}`
  return input.usedOfflineCopy ? `${at} (offline copy: the newest snapshot, the live fetch failed)` : at
}

const unknown = (evidence: string): RunbookCheckResult => ({ outcome: 'unknown', evidence })
const NO_DATA = unknown('No data for this charger: no fetch succeeded and no snapshot is on disk.')

/** Supply voltage on every AC connector with power flowing, inside nominal ± tolerance (app's figure). */
function supplyVoltage(device: Device, input: RunbookCheckInput, { nominalVolts, tolerancePercent }: Params<'supply-voltage'>): RunbookCheckResult {
  const min = nominalVolts * (1 - tolerancePercent / 100)
  const max = nominalVolts * (1 + tolerancePercent / 100)
  const envelope = `${formatReading(nominalVolts, 'V')} ±${tolerancePercent} % (${formatReading(min, 'V', 1)} to ${formatReading(max, 'V', 1)}, the app's envelope: the docs give no figure)`
  if (chargerKind(device.model) !== 'AC') {
    return unknown(`${device.model ?? 'This charger'} is a DC charger${when(input)}: it reports only the voltage it delivers to the vehicle, not its supply. Measure every phase on site against ${envelope}.`)
  }
  const readings = connectorsOf(device).flatMap((connector) => {
    const volts = plausibleReading(connector.voltage, PLAUSIBLE_RANGES.voltage)
    const power = plausibleReading(connector.power, PLAUSIBLE_RANGES.power)
    return volts !== undefined && power !== undefined && Math.abs(power) >= NO_POWER_KW ? [{ connector, volts }] : []
  })
  if (readings.length === 0) return unknown(`No connector is delivering power${when(input)}, so no supply voltage was read: start a charge or measure on site against ${envelope}.`)
  const text = readings.map(({ connector, volts }) => `${connectorLabel(connector)} ${formatReading(volts, 'V', 1)}`).join(', ')
  const outside = readings.filter(({ volts }) => volts < min || volts > max)
  return outside.length === 0
    ? { outcome: 'pass', evidence: `${text}${when(input)}: inside ${envelope}.` }
    : { outcome: 'fail', evidence: `${text}${when(input)}: outside ${envelope}.` }
}

/** Firmware against the catalogue's latest stable build and the "two minor versions" rule. */
function firmwareCurrent(device: Device, input: RunbookCheckInput): RunbookCheckResult {
  const installed = device.firmware_version?.trim()
  if (!installed) return unknown(`The charger reported no firmware version${when(input)}: read it on the charger display.`)
  const comparison = compareFirmware(device.model, installed)
  const issues = comparison.knownIssues.filter((issue) => issue.severity === 'warning')
  const issueText = issues.map((issue) => ` Known issue: ${issue.summary}`).join('')
  switch (comparison.status) {
    case 'unknown-model':
      return unknown(`Firmware ${installed}${when(input)}: the app's catalogue has no latest stable build for ${device.model ?? 'this model'}.${issueText}`)
    case 'unparseable':
      return unknown(`Firmware ${installed}${when(input)} cannot be compared with ${comparison.latest ?? 'the latest stable build'}.${issueText}`)
    case 'current':
    case 'ahead': {
      const position = comparison.status === 'current' ? 'is the latest stable build' : `is newer than ${comparison.latest ?? ''}, the latest stable build the app knows`
      return { outcome: issues.length ? 'fail' : 'pass', evidence: `Firmware ${installed}${when(input)} ${position} for ${device.model ?? ''}.${issueText}` }
    }
    case 'behind': {
      const upgrade = upgradeAdvised(comparison)
      const rule = upgrade
        ? `upgrade (the runbook's rule: more than ${FIRMWARE_MAX_MINOR_VERSIONS_BEHIND} minor versions behind, or a major version)`
        : `within ${FIRMWARE_MAX_MINOR_VERSIONS_BEHIND} minor versions, so the runbook's rule asks no upgrade`
      const evidence = `Firmware ${installed}${when(input)} is ${behindDistance(comparison)} ${comparison.latest ?? ''}, the latest stable build for ${device.model ?? ''}; ${rule}.${issueText}`
      return { outcome: upgrade || issues.length > 0 ? 'fail' : 'pass', evidence }
    }
  }
}

/** After a reboot: status online and a heartbeat under 60 s old, within the parameter's seconds. */
function recoveredAfterReboot(device: Device, input: RunbookCheckInput, { onlineWithinSeconds }: Params<'recovered-after-reboot'>): RunbookCheckResult {
  const fetched = parseTimestamp(input.fetchedAt)
  const heartbeat = parseTimestamp(device.last_heartbeat)
  const limit = onlineWithinSeconds * 1000
  const sinceReboot = input.rebootAt !== null && fetched !== undefined ? fetched - input.rebootAt : undefined
  const rebootText = input.rebootAt === null ? '' : ` (reboot recorded at ${formatTimestamp(input.rebootAt, { offset: true })})`
  const stillWaiting = sinceReboot !== undefined && sinceReboot < limit
  if (heartbeat === undefined || fetched === undefined) return unknown(`The charger gave no last heartbeat time${when(input)}.${rebootText}`)
  const age = fetched - heartbeat
  const state = `status ${device.status ?? 'not reported'}, heartbeat ${formatDuration(Math.max(0, age))} old${when(input)}${rebootText}`
  const beforeReboot = input.rebootAt !== null && heartbeat < input.rebootAt
  if (device.status === 'online' && age < HEARTBEAT_FRESH_MS && !beforeReboot) return { outcome: 'pass', evidence: `${state}: online with a fresh heartbeat (under ${HEARTBEAT_FRESH_MS / 1000} s).` }
  if (stillWaiting) {
    return unknown(`${state}: not back yet, ${formatDuration(limit - sinceReboot)} left of the ${onlineWithinSeconds} s to wait; re-check then.`)
  }
  const why = beforeReboot ? 'no heartbeat since the reboot' : device.status !== 'online' ? 'not online' : `the heartbeat is not under ${HEARTBEAT_FRESH_MS / 1000} s old`
  return { outcome: 'fail', evidence: `${state}: ${why}${input.rebootAt !== null ? `, ${onlineWithinSeconds} s after the reboot` : ''}.` }
}

/** The vehicle's state of charge above the discharge floor (discharging connectors first, else any with a SoC). */
function socAboveFloor(device: Device, input: RunbookCheckInput): RunbookCheckResult {
  const withSoc = (c: Connector) => plausibleReading(c.soc, PLAUSIBLE_RANGES.soc) !== undefined
  const discharging = connectorsOf(device).filter((c) => c.status === 'discharging' && withSoc(c))
  const considered = discharging.length ? discharging : connectorsOf(device).filter(withSoc)
  const floor = formatReading(V2G_SOC_FLOOR_PERCENT, '%')
  if (considered.length === 0) return unknown(`No connector reported a vehicle state of charge${when(input)}: read it in the vehicle.`)
  const text = considered.map((c) => `${connectorLabel(c)} SoC ${formatReading(c.soc, '%')}`).join(', ')
  const low = considered.filter((c) => (c.soc ?? 0) <= V2G_SOC_FLOOR_PERCENT)
  return low.length === 0
    ? { outcome: 'pass', evidence: `${text}${when(input)}: above the ${floor} discharge floor.` }
    : { outcome: 'fail', evidence: `${text}${when(input)}: at or below the ${floor} discharge floor, so the vehicle may refuse to discharge (F-0702).` }
}

/** Firmware at or after a minimum date-style build (e.g. 260420.0107 for ISO 15118-20). */
function firmwareMinimum(device: Device, input: RunbookCheckInput, { minimum, purpose }: Params<'firmware-minimum'>): RunbookCheckResult {
  const installed = device.firmware_version?.trim()
  if (!installed) return unknown(`The charger reported no firmware version${when(input)}: read it on the charger display.`)
  const parsed = parseFirmwareVersion(installed)
  const order = parsed ? compareFirmwareVersions(parsed, parseFirmwareVersion(minimum)!) : undefined
  if (order === undefined) {
    return unknown(`Firmware ${installed}${when(input)} cannot be compared with ${minimum}, needed for ${purpose}: Tellus does not document how the version formats relate. Ask support, or check on the charger that it advertises ${purpose}.`)
  }
  return order >= 0
    ? { outcome: 'pass', evidence: `Firmware ${installed}${when(input)} is ${minimum} or later, as ${purpose} needs.` }
    : { outcome: 'fail', evidence: `Firmware ${installed}${when(input)} is older than ${minimum}, which ${purpose} needs: upgrade.` }
}

/** After a restart: no connector left in preparing and one charging or discharging with power flowing. */
function connectorCharging(device: Device, input: RunbookCheckInput): RunbookCheckResult {
  const connectors = connectorsOf(device)
  const describe = (c: Connector) => `${connectorLabel(c)} ${c.status}${c.power != null ? ` ${formatReading(c.power, 'kW')}` : ''}`
  const text = connectors.map(describe).join(', ')
  if (connectors.length === 0) return unknown(`The charger reported no connectors${when(input)}.`)
  const preparing = connectors.filter((c) => c.status === 'preparing')
  if (preparing.length) return { outcome: 'fail', evidence: `${text}${when(input)}: still preparing.` }
  const flowing = connectors.filter((c) => ['charging', 'discharging'].includes(c.status) && Math.abs(c.power ?? 0) >= NO_POWER_KW)
  return flowing.length
    ? { outcome: 'pass', evidence: `${text}${when(input)}: power is flowing, no connector is preparing.` }
    : unknown(`${text}${when(input)}: no connector is preparing, but none is charging either; plug in a vehicle to confirm.`)
}

/** Runs check `id` with its parameters (already validated at load) on the input. */
export function runRunbookCheck(id: RunbookCheckId, params: Record<string, unknown>, input: RunbookCheckInput): RunbookCheckResult {
  const device = input.device
  if (!device) return NO_DATA
  switch (id) {
    case 'supply-voltage':
      return supplyVoltage(device, input, CHECK_PARAMS[id].parse(params))
    case 'firmware-current':
      return firmwareCurrent(device, input)
    case 'recovered-after-reboot':
      return recoveredAfterReboot(device, input, CHECK_PARAMS[id].parse(params))
    case 'soc-above-floor':
      return socAboveFloor(device, input)
    case 'firmware-minimum':
      return firmwareMinimum(device, input, CHECK_PARAMS[id].parse(params))
    case 'connector-charging':
      return connectorCharging(device, input)
  }
}
