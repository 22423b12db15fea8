/** V2G: a connector discharging a vehicle below the usual battery floor (F-0702). */
import { formatReading } from '@common/format/number'
import type { Finding } from '../finding'
import { connectorLabel, connectorsOf, plausibleReading } from '../readings'
import { faultReference } from '../references'
import type { DiagnosticRule } from '../rule-types'
import { PLAUSIBLE_RANGES, V2G_SOC_FLOOR_PERCENT } from '../thresholds'

/** Flags discharging connectors whose vehicle is below V2G_SOC_FLOOR_PERCENT (exactly at it does not fire). */
export const v2gSocFloorRule: DiagnosticRule = (device) =>
  connectorsOf(device).flatMap((connector): Finding[] => {
    if (connector.status !== 'discharging') return []
    const soc = plausibleReading(connector.soc, PLAUSIBLE_RANGES.soc)
    if (soc === undefined || soc >= V2G_SOC_FLOOR_PERCENT) return []
    return [
      {
        ruleId: 'v2g-soc-below-floor',
        severity: 'warning',
        connectorId: connector.connector_id,
        message: `${connectorLabel(connector)} is discharging a vehicle at ${formatReading(soc, '%')}, below the usual ${formatReading(V2G_SOC_FLOOR_PERCENT, '%')} discharge floor.`,
        action: 'Expect the vehicle to refuse or stop discharging (F-0702, vehicle side); let it charge above the floor before discharging again.',
        reference: faultReference('F-0702'),
        reading: { field: 'soc', note: `below the ${formatReading(V2G_SOC_FLOOR_PERCENT, '%')} discharge floor` },
      },
    ]
  })
