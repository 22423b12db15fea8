/** Builders for device responses in diagnostics tests, validated by the real schema. */
import { DeviceSchema, type Connector, type Device } from '@common/tellus/schemas'

/** The moment every test judges devices at. */
export const NOW = Date.parse('2026-05-01T12:00:00Z')

/** An ISO time `ms` before NOW. */
export function ago(ms: number): string {
  return new Date(NOW - ms).toISOString()
}

/** A connector with only id and status unless more is given. */
export function connector(fields: Partial<Connector> & Record<string, unknown> = {}): Connector {
  return { connector_id: 1, status: 'idle', ...fields }
}

/** A device response parsed by DeviceSchema; online with a fresh heartbeat unless overridden. */
export function device(fields: Partial<Device> & Record<string, unknown> = {}): Device {
  return DeviceSchema.parse({
    device_id: 'dvc_a1b2c3d4e5f6',
    model: 'TP-DC180',
    firmware_version: '3.1.0',
    status: 'online',
    last_heartbeat: ago(10_000),
    ...fields,
  })
}

/** A device of `model` with one connector built from `fields`. */
export function deviceWith(model: string | null, fields: Partial<Connector> & Record<string, unknown>): Device {
  return device({ model, connectors: [connector(fields)] })
}
