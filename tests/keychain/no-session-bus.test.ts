/**
 * End to end in a process that has no session bus and no display (a desktop without a Secret
 * Service): the keytar store says so plainly, adding a profile is refused before anything is
 * verified or written, and the demo fleet still works.
 */
import { randomBytes } from 'node:crypto'
import { readdir } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KeytarSecretStore } from '@main/credentials/keytar-secret-store'
import { SCENARIO_DEMO } from './support/scenario-shared'
import { isolatedEnv, runScenario, type ScenarioRun } from './support/run-scenario'
import { tempRoot } from '../support/common-fixtures'

const SUFFIX = `test-nobus-${process.pid}-${randomBytes(4).toString('hex')}`
const SECRET = `sec_${randomBytes(8).toString('hex')}`
const UNAVAILABLE = {
  kind: 'keychain',
  message: 'The system keychain is not available: no Secret Service is running.',
  action: 'Install and unlock GNOME Keyring or KWallet (Linux), then restart Tellus Field. The demo fleet and offline snapshots still work.',
}

let userData: Awaited<ReturnType<typeof tempRoot>>
let runtimeDir: Awaited<ReturnType<typeof tempRoot>>
let run: ScenarioRun

beforeAll(async () => {
  userData = await tempRoot('tellus-nobus-')
  runtimeDir = await tempRoot('tellus-runtime-')
  run = await runScenario(isolatedEnv(runtimeDir.root, { SCENARIO_USER_DATA: userData.root, SCENARIO_SERVICE_SUFFIX: SUFFIX, SCENARIO_SECRET: SECRET }))
})

afterAll(async () => {
  await userData.cleanup()
  await runtimeDir.cleanup()
})

describe('no session bus (no Secret Service)', () => {
  it('probes the keychain as unavailable, with the reason and what to do', () => {
    expect(run.outcome.probe).toEqual({ available: false, reason: UNAVAILABLE.message, action: UNAVAILABLE.action })
  })

  it('refuses to add a profile with that error, without verifying, and writes no profiles file', async () => {
    expect(run.outcome.add).toMatchObject({ ok: false, error: UNAVAILABLE })
    expect(run.outcome.verifyCalls).toBe(0)
    expect((await readdir(userData.root)).filter((name) => name.startsWith('profiles.json'))).toEqual([])
  })

  it('stores the secret nowhere: not in the real keychain, not in any output', async () => {
    // This test process runs inside the session with the real keyring: look there.
    expect(await new KeytarSecretStore({ serviceSuffix: SUFFIX }).list()).toEqual([])
    expect(run.stdout).not.toContain(SECRET)
    expect(run.stderr).not.toContain(SECRET)
  })

  it('still gives the demo profile and its credentials', () => {
    expect(run.outcome.demo).toEqual({ ok: true, value: { baseUrl: SCENARIO_DEMO.baseUrl, ...SCENARIO_DEMO.credentials } })
    expect(run.outcome.state).toMatchObject({
      profiles: [{ id: 'demo', isDemo: true, secret: 'not-needed' }],
      keychain: { available: false, reason: UNAVAILABLE.message },
    })
  })
})
