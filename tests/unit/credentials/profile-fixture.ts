/**
 * A ProfileService over real files in a temp userData folder and the in-memory secret store.
 * `verifyCredentials` is the collaborator boundary: it returns whatever `verdict` says, and records
 * every call.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ok, type Result } from '@common/errors'
import { MemorySecretStore } from '@main/credentials/memory-secret-store'
import { ProfileService, type ProfileChange, type ProfileCredentials } from '@main/credentials/profile-service'
import { ProfileStore } from '@main/credentials/profile-store'
import { tempRoot } from '../../support/common-fixtures'

export const DEMO_BASE_URL = 'http://127.0.0.1:4010'
export const DEMO_CREDS = { clientId: 'demo_field_client', clientSecret: 'demo-fleet-secret' }
export const START = Date.parse('2025-06-01T08:00:00.000Z')
export const SECRET = 'sec_TOP_SECRET_456'

/** The service under test and everything it touched. */
export class ProfileFixture {
  readonly profilesPath: string
  readonly verifyCalls: ProfileCredentials[] = []
  readonly signOuts: string[] = []
  readonly changes: Array<[string, ProfileChange]> = []
  /** What the next verifyCredentials call returns. */
  verdict: Result<void> = ok(undefined)
  now = START
  service: ProfileService
  private ids = 0

  constructor(
    readonly dir: string,
    readonly secrets: MemorySecretStore,
    private readonly removeDir: () => Promise<void>,
  ) {
    this.profilesPath = join(dir, 'profiles.json')
    this.service = this.build()
  }

  /** A fresh service and store over the same folder and keychain (as after a restart). */
  restart(): ProfileService {
    this.service = this.build()
    return this.service
  }

  readProfilesFile(): Promise<string | null> {
    return readFile(this.profilesPath, 'utf8').catch(() => null)
  }

  cleanup(): Promise<void> {
    return this.removeDir()
  }

  private build(): ProfileService {
    return new ProfileService({
      store: new ProfileStore({ userDataDir: this.dir, now: () => this.now }),
      secrets: this.secrets,
      verifyCredentials: async (credentials) => {
        this.verifyCalls.push(credentials)
        return this.verdict
      },
      now: () => this.now,
      demo: { baseUrl: async () => DEMO_BASE_URL, runningBaseUrl: () => DEMO_BASE_URL, credentials: DEMO_CREDS },
      onSignOut: (id) => this.signOuts.push(id),
      onProfileChanged: (id, change) => this.changes.push([id, change]),
      newId: () => `prf_test_${++this.ids}`,
    })
  }
}

/** Creates the fixture in a new temp folder. */
export async function createProfileFixture(secrets = new MemorySecretStore()): Promise<ProfileFixture> {
  const { root, cleanup } = await tempRoot('tellus-profiles-')
  return new ProfileFixture(root, secrets, cleanup)
}

/** A valid profile form. */
export function profileInput(overrides: Partial<{ name: string; baseUrl: string; clientId: string; clientSecret: string }> = {}) {
  return { name: 'North depot', baseUrl: 'https://api.tellus.example', clientId: 'cpms_123456', clientSecret: SECRET, ...overrides }
}
