/**
 * Runs in a child process (node --import tsx) in whatever keychain environment the test set up:
 * probes the keytar store, tries to add a profile through ProfileService, and asks for the demo
 * credentials. Prints one JSON line with the outcomes. Input comes from the environment:
 * SCENARIO_USER_DATA, SCENARIO_SERVICE_SUFFIX, SCENARIO_SECRET.
 */
import { ok } from '@common/errors'
import { DEMO_PROFILE_ID } from '@common/profile-types'
import { KeytarSecretStore } from '@main/credentials/keytar-secret-store'
import { ProfileService, type ProfileCredentials } from '@main/credentials/profile-service'
import { ProfileStore } from '@main/credentials/profile-store'
import { SCENARIO_DEMO, type ScenarioOutcome } from './scenario-shared'

async function main(): Promise<void> {
  const userDataDir = required('SCENARIO_USER_DATA')
  const secrets = new KeytarSecretStore({ serviceSuffix: required('SCENARIO_SERVICE_SUFFIX') })
  const verifyCalls: ProfileCredentials[] = []
  const service = new ProfileService({
    store: new ProfileStore(userDataDir),
    secrets,
    verifyCredentials: async (credentials) => {
      verifyCalls.push(credentials)
      return ok(undefined)
    },
    now: Date.now,
    demo: { baseUrl: () => SCENARIO_DEMO.baseUrl, runningBaseUrl: () => SCENARIO_DEMO.baseUrl, credentials: SCENARIO_DEMO.credentials },
  })
  const probe = await secrets.probe()
  const add = await service.add({ name: 'North depot', baseUrl: 'https://api.tellus.example', clientId: 'cpms_123456', clientSecret: required('SCENARIO_SECRET') })
  const demo = await service.credentialsFor(DEMO_PROFILE_ID)
  const state = await service.state()
  const outcome: ScenarioOutcome = { probe, add, demo, state, verifyCalls: verifyCalls.length }
  process.stdout.write(`${JSON.stringify(outcome)}\n`)
}

function required(name: string): string {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set`)
  return value
}

main().catch((error: unknown) => {
  process.stderr.write(`scenario failed: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
})
