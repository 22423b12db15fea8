/** The v1.3 `Site` payload of a simulated site. Sites carry no device ids (as in v1.3). */
import { DEVICES, type SiteSpec } from './fleet'
import { MODELS } from './models'
import { round } from './prng'

/** A site as `GET /v1/operator/sites` returns it. */
export interface SiteData {
  site_id: string
  name: string
  address: string
  location: { lat: number; lng: number }
  total_connectors: number
  /** Connector counts: `charging` counts every session under way (charging or discharging). */
  status_summary: { idle: number; charging: number; fault: number }
  /** Installed power (kW): the sum of its chargers' ratings. */
  power_capacity: number
  created_at: string
}

/** The site's payload. */
export function siteView(site: SiteSpec): SiteData {
  const devices = DEVICES.filter((device) => device.siteId === site.siteId)
  const connectors = devices.flatMap((device) => device.connectors)
  const count = (...states: string[]) => connectors.filter((connector) => states.includes(connector.state)).length
  return {
    site_id: site.siteId,
    name: site.name,
    address: site.address,
    location: { ...site.location },
    total_connectors: connectors.length,
    status_summary: { idle: count('idle'), charging: count('charging', 'discharging'), fault: count('fault') },
    power_capacity: round(
      devices.reduce((sum, device) => sum + MODELS[device.model].ratedPowerKw, 0),
      1,
    ),
    created_at: site.createdAt,
  }
}
