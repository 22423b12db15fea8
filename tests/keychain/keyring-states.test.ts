/**
 * The keychain failure modes a Linux desktop really shows, each in its own private session bus
 * (a nested dbus-run-session with a fresh XDG_DATA_HOME): no Secret Service on the bus, a Secret
 * Service without a default keyring, and a locked keyring. In each, the probe names the problem
 * and adding a profile is refused before anything is verified or written.
 */
import { randomBytes } from 'node:crypto'
import { readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isolatedEnv, runScenario, type ScenarioRun } from './support/run-scenario'
import { tempRoot } from '../support/common-fixtures'

const SECRET = `sec_${randomBytes(8).toString('hex')}`
const cleanups: Array<() => Promise<void>> = []

async function folder(prefix: string): Promise<string> {
  const { root, cleanup } = await tempRoot(prefix)
  cleanups.push(cleanup)
  return root
}

/** Runs the scenario inside `dbus-run-session`, after `setup` (shell) has started what it needs. */
async function inSession(setup: string, options: { dataHome?: string; busConfig?: string } = {}): Promise<{ run: ScenarioRun; userData: string }> {
  const userData = await folder('tellus-userdata-')
  const env = isolatedEnv(await folder('tellus-runtime-'), {
    XDG_DATA_HOME: options.dataHome ?? (await folder('tellus-xdg-data-')),
    SCENARIO_USER_DATA: userData,
    SCENARIO_SERVICE_SUFFIX: `test-states-${process.pid}`,
    SCENARIO_SECRET: SECRET,
  })
  const config = options.busConfig ? [`--config-file=${options.busConfig}`] : []
  const run = await runScenario(env, (node) => ['dbus-run-session', ...config, '--', 'sh', '-c', `${setup}; ${node}`])
  return { run, userData }
}

function expectRefusedAndNothingWritten({ run, userData }: { run: ScenarioRun; userData: string }, message: string): Promise<void> {
  expect(run.outcome.probe).toMatchObject({ available: false, reason: message, action: expect.any(String) })
  expect(run.outcome.add).toMatchObject({ ok: false, error: { kind: 'keychain', message } })
  expect(run.outcome.verifyCalls).toBe(0)
  expect(run.stdout).not.toContain(SECRET)
  expect(run.outcome.demo).toMatchObject({ ok: true })
  return readdir(userData).then((names) => expect(names.filter((n) => n.startsWith('profiles.json'))).toEqual([]))
}

afterAll(async () => {
  await Promise.all(cleanups.map((cleanup) => cleanup()))
})

describe('keychain states on a real session bus', () => {
  let emptyBusConfig: string
  beforeAll(async () => {
    // A session bus that can start no services at all: nothing provides org.freedesktop.secrets.
    emptyBusConfig = join(await folder('tellus-bus-'), 'session.conf')
    await writeFile(
      emptyBusConfig,
      `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:tmpdir=${tmpdir()}</listen>
<policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy></busconfig>
`,
    )
  })

  it('a bus with no Secret Service: "no Secret Service is running"', async () => {
    await expectRefusedAndNothingWritten(await inSession('true', { busConfig: emptyBusConfig }), 'The system keychain is not available: no Secret Service is running.')
  })

  it('a Secret Service with no default keyring: says there is no keyring to keep secrets in', async () => {
    await expectRefusedAndNothingWritten(
      await inSession('gnome-keyring-daemon --start --components=secrets >/dev/null'),
      'The system keychain has no default keyring to keep secrets in.',
    )
  })

  it('a locked keyring: says it is locked', async () => {
    const dataHome = await folder('tellus-xdg-data-')
    // First session: create the login keyring with password "pw" (the scenario succeeds there).
    const created = await inSession('printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null', { dataHome })
    expect(created.run.outcome.probe).toEqual({ available: true })
    expect(created.run.outcome.add).toMatchObject({ ok: true })
    // Second session: the same keyring, unlocked with the wrong password, stays locked.
    const locked = await inSession('printf wrong | gnome-keyring-daemon --unlock --components=secrets >/dev/null', { dataHome })
    await expectRefusedAndNothingWritten(locked, 'The system keychain is locked.')
  })
})
