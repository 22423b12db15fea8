import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createServer } from 'node:net'
import type { MainServices } from '@main/services/create-main-services'
import { startSimulator, type SimulatorHandle } from '@main/simulator/index'
import { createTestServices, openStartScreen } from '../../support/main-services'
import { asDeviceId } from '../../support/device-ids'
import { tempRoot } from '../../support/common-fixtures'

/** A loopback port that is free right now. */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** True when something answers HTTP on the port. */
async function listening(port: number): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/`).then(
    () => true,
    () => false,
  )
}

let dir: string
let cleanup: () => Promise<void>
let demoPort: number
let services: MainServices
let realApi: SimulatorHandle

beforeEach(async () => {
  ;({ root: dir, cleanup } = await tempRoot('tellus-demo-on-demand-'))
  demoPort = await freePort()
  realApi = await startSimulator({ port: 0 })
  services = await createTestServices(dir, { simulator: { port: demoPort } })
})
afterEach(async () => {
  await services.dispose()
  await realApi.close()
  await cleanup()
})

/** Opens the start screen; every call answers. */
async function openStartScreenOk(): Promise<void> {
  expect((await openStartScreen(services)).every((result) => result.ok)).toBe(true)
}

describe('the demo simulator starts only when the demo fleet is used', () => {
  it('does not start for the start screen when an operator profile is active', async () => {
    await services.profiles.add({ name: 'North depot', baseUrl: realApi.baseUrl, ...realApi.credentials })
    await openStartScreenOk()
    await services.devices.fetchDevice(asDeviceId('dvc_2d7f0e9b4c61'))
    expect(await listening(demoPort)).toBe(false)
  })

  it('does not start for the start screen on a first run, and starts at the first demo lookup', async () => {
    await openStartScreenOk()
    const demo = (await services.profiles.state()).profiles.find((p) => p.isDemo)
    expect(demo?.baseUrl).toBe('')
    expect(await listening(demoPort)).toBe(false)
    expect(await services.devices.fetchDevice(asDeviceId('dvc_2d7f0e9b4c61'))).toMatchObject({ ok: true })
    expect(await listening(demoPort)).toBe(true)
    expect((await services.profiles.state()).profiles.find((p) => p.isDemo)?.baseUrl).toBe(`http://127.0.0.1:${demoPort}/v1`)
  })
})
