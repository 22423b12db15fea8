/** Fixtures for the recording tests: a device and its frames. */
import type { LiveFrame } from '@common/live/stream-status'

export const DEVICE = 'dvc_a1b2c3d4e5f6'

/** Frame number `n` of a charge ramping up, received `n` seconds after `startMs`; `padding` widens each line. */
export function testFrame(n: number, startMs: number, padding = ''): LiveFrame {
  return {
    receivedAt: startMs + n * 1000,
    frame: {
      device_id: DEVICE,
      timestamp: new Date(startMs + n * 1000).toISOString(),
      connectors: [{ connector_id: 1, state: 'charging', power: Math.min(n / 10, 7.2), energy_delivered: n / 1000, soc: 40 + (n % 50), seq: n, padding }],
    },
  }
}

