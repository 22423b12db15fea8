import { describe, expect, it } from 'vitest'
import type { SimulatorHandle } from '@main/simulator/index'
import { type TestSimulator, dataOf, get, issueToken, useSimulators } from './support'

const start = useSimulators()

interface ConnectorData {
  connector_id: number
  status: string
  power: number
  voltage: number
  current: number
  energy_delivered: number
  soc?: number
  temperature: number
  last_telemetry_time: string
}
interface DeviceData {
  device_id: string
  model: string
  firmware_version: string
  status: string
  site_id: string
  last_heartbeat: string
  connectors: ConnectorData[]
}

async function fleet(sim: SimulatorHandle, token?: string): Promise<DeviceData[]> {
  const bearer = token ?? (await issueToken(sim))
  return Promise.all(sim.deviceIds.map(async (id) => dataOf<DeviceData>(await get(sim, `/operator/devices/${id}`, bearer))))
}

function connectors(devices: DeviceData[]): Array<ConnectorData & { device: DeviceData }> {
  return devices.flatMap((device) => device.connectors.map((connector) => ({ ...connector, device })))
}

const isAc = (device: DeviceData) => device.model.startsWith('AC-') || device.model === 'TP-AC22'

describe('the simulated fleet', () => {
  it('has at least 3 sites and 12 devices with platform-style ids', async () => {
    const { sim } = await start()
    const devices = await fleet(sim)
    expect(devices.length).toBeGreaterThanOrEqual(12)
    expect(new Set(devices.map((device) => device.site_id)).size).toBeGreaterThanOrEqual(3)
    for (const device of devices) expect(device.device_id).toMatch(/^dvc_[0-9a-f]{12}$/)
    expect(new Set(sim.deviceIds).size).toBe(sim.deviceIds.length)
  })

  it('mixes AC and DC models', async () => {
    const { sim } = await start()
    const models = new Set((await fleet(sim)).map((device) => device.model))
    for (const model of ['AC-7kW-V2', 'TP-AC22', 'TP-DC60', 'TP-DC180', 'TP-DC360']) expect(models).toContain(model)
  })

  it('runs current and outdated firmware (3.0.1 on a TP-DC180 is in the F-0421 range; 4.0.0 on a TP-DC360)', async () => {
    const { sim } = await start()
    const firmware = (await fleet(sim)).map((device) => `${device.model} ${device.firmware_version}`)
    for (const expected of ['TP-DC180 3.1.0', 'TP-DC180 3.0.1', 'TP-DC360 4.1.0', 'TP-DC360 4.0.0']) expect(firmware).toContain(expected)
  })

  it('covers every connector state plus the undocumented preparing', async () => {
    const { sim } = await start()
    const states = new Set(connectors(await fleet(sim)).map((connector) => connector.status))
    expect([...states].sort()).toEqual(['charging', 'discharging', 'fault', 'idle', 'preparing', 'unavailable'])
  })

  it('has one offline device with an hours-old heartbeat; online heartbeats are under 30 s old', async () => {
    const { sim, clock } = await start()
    const devices = await fleet(sim)
    const offline = devices.filter((device) => device.status === 'offline')
    expect(offline).toHaveLength(1)
    expect(clock.now() - Date.parse(offline[0]!.last_heartbeat)).toBeGreaterThan(2 * 3_600_000)
    for (const device of devices.filter((candidate) => candidate.status === 'online')) {
      const age = clock.now() - Date.parse(device.last_heartbeat)
      expect(age).toBeGreaterThanOrEqual(0)
      expect(age).toBeLessThan(30_000)
      for (const connector of device.connectors) expect(clock.now() - Date.parse(connector.last_telemetry_time)).toBeLessThan(30_000)
    }
  })

  it('lets the offline heartbeat age with the clock', async () => {
    const { sim, clock } = await start()
    const token = await issueToken(sim)
    const before = (await fleet(sim, token)).find((device) => device.status === 'offline')!
    clock.advance(600_000)
    const after = (await fleet(sim, token)).find((device) => device.status === 'offline')!
    expect(after.last_heartbeat).toBe(before.last_heartbeat)
    expect(after.connectors).toEqual(before.connectors)
  })

  it('has an AC connector over the 65 °C warning level, and no DC connector over 75 °C', async () => {
    const { sim } = await start()
    const all = connectors(await fleet(sim))
    const hot = all.filter((connector) => isAc(connector.device) && connector.temperature > 65)
    expect(hot).toHaveLength(1)
    expect(hot[0]!.temperature).toBeGreaterThan(70)
    expect(all.filter((connector) => !isAc(connector.device) && connector.temperature > 75)).toEqual([])
  })

  it('gives plausible readings: ~230 V AC, hundreds of volts DC, power = V × A / 1000, negative while discharging', async () => {
    const { sim } = await start()
    for (const connector of connectors(await fleet(sim))) {
      if (connector.status === 'charging' || connector.status === 'discharging') {
        const [low, high] = isAc(connector.device) ? [220, 240] : [300, 900]
        expect(connector.voltage).toBeGreaterThan(low)
        expect(connector.voltage).toBeLessThan(high)
        expect(Math.abs(connector.power - (connector.voltage * connector.current) / 1000)).toBeLessThanOrEqual(Math.abs(connector.power) * 0.03 + 0.01)
        expect(connector.soc).toBeGreaterThanOrEqual(0)
        expect(connector.soc).toBeLessThanOrEqual(100)
      } else {
        expect([connector.power, connector.current, connector.energy_delivered]).toEqual([0, 0, 0])
      }
      if (connector.status === 'charging') expect(connector.power).toBeGreaterThan(0)
      if (connector.status === 'discharging') expect(connector.power).toBeLessThan(0)
      expect(connector.temperature).toBeGreaterThan(10)
    }
  })

  it('progresses sessions with the clock: energy and SoC rise while charging, fall while discharging', async () => {
    const { sim, clock } = await start()
    const token = await issueToken(sim)
    const before = connectors(await fleet(sim, token))
    clock.advance(60_000)
    const after = connectors(await fleet(sim, token))
    for (const [index, earlier] of before.entries()) {
      const later = after[index]!
      if (earlier.status === 'charging') {
        expect(later.energy_delivered).toBeGreaterThan(earlier.energy_delivered)
        expect(later.soc!).toBeGreaterThanOrEqual(earlier.soc!)
      }
      if (earlier.status === 'discharging') {
        expect(later.energy_delivered).toBeLessThan(earlier.energy_delivered)
        expect(later.soc!).toBeLessThanOrEqual(earlier.soc!)
      }
      if (earlier.device.status === 'online') expect(later.last_telemetry_time).not.toBe(earlier.last_telemetry_time)
    }
  })

  it('is deterministic for a seed and clock, and differs with another seed', async () => {
    const readings = async (test: TestSimulator) => fleet(test.sim)
    const a = await readings(await start())
    const b = await readings(await start())
    const c = await readings(await start({ seed: 99 }))
    expect(b).toEqual(a)
    expect(c).not.toEqual(a)
    expect(c.map((device) => device.device_id)).toEqual(a.map((device) => device.device_id))
  })
})
