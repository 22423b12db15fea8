/**
 * The client secret and the access tokens never leave the keychain and main's memory: after a
 * whole session (add a profile, sign in, fetch devices, hit faults, browse and export snapshots,
 * list sites, export a work-order report, sign out, remove) through the real IPC dispatcher,
 * handlers and services, neither appears in any file under userData, in any exported file, in
 * any log line or console output, in any IPC result or in any event pushed to the renderer.
 */
import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest'
import type { Result } from '@common/errors'
import { startSimulator, type SimulatorHandle } from '@main/simulator/index'
import { createLeakApp, type LeakApp } from './leak-app'
import { scanText, scanTree, type Canary, type Leak } from './scan-for-secrets'
import { tempRoot, unwrap } from '../../support/common-fixtures'

const CLIENT_ID = 'leak_canary_client'
const SECRET = 'sec-LEAK-CANARY-7f3a9c2e51d04b86a9e0'
const WRONG_SECRET = 'sec-WRONG-CANARY-0d9e8f7a6b5c4d3e2f10'
const DEVICE_A = 'dvc_a1b2c3d4e5f6'
const DEVICE_HOT = 'dvc_2d7f0e9b4c61'
const DEVICE_DC = 'dvc_3f9a1c7e5b20'
const DEVICE_UNKNOWN = 'dvc_000000000000'

const run = promisify(execFile)
const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const

describe('secrets never leak from a full session', () => {
  let sim: SimulatorHandle
  let app: LeakApp
  let clock = Date.parse('2026-11-23T14:00:00Z')
  const consoleOutput: string[] = []
  const consoleSpies: MockInstance[] = []
  const outcomes: Record<string, Result<unknown>> = {}

  beforeAll(async () => {
    for (const method of CONSOLE_METHODS) {
      consoleSpies.push(vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void consoleOutput.push(args.map(String).join(' '))))
    }
    sim = await startSimulator({ port: 0, now: () => clock })
    sim.control.addClient(CLIENT_ID, SECRET)
    app = await createLeakApp()
    const { api } = app

    unwrap(await api.getAppInfo())
    unwrap(await api.listProfiles())
    outcomes.wrongSecret = await api.addProfile({ name: 'Canary depot', baseUrl: sim.baseUrl, clientId: CLIENT_ID, clientSecret: WRONG_SECRET })
    outcomes.added = await api.addProfile({ name: 'Canary depot', baseUrl: sim.baseUrl, clientId: CLIENT_ID, clientSecret: SECRET })
    unwrap(await api.listProfiles())

    outcomes.liveA = await api.fetchDevice({ deviceId: DEVICE_A })
    clock += 90_000
    outcomes.liveHot = await api.fetchDevice({ deviceId: DEVICE_HOT })
    outcomes.unknown = await api.fetchDevice({ deviceId: DEVICE_UNKNOWN })
    sim.control.revokeAllTokens()
    clock += 90_000
    outcomes.afterRevoke = await api.fetchDevice({ deviceId: DEVICE_A })
    sim.control.setFault(DEVICE_A, { kind: 'captive-portal' })
    outcomes.captive = await api.fetchDevice({ deviceId: DEVICE_A })
    sim.control.setFault(DEVICE_DC, { kind: 'truncated-json' })
    outcomes.truncated = await api.fetchDevice({ deviceId: DEVICE_DC })
    sim.control.clearFaults()
    outcomes.sites = await api.listSites()

    const listed = unwrap(await api.listSnapshots({}))
    for (const meta of listed.items) unwrap(await api.getSnapshot({ id: meta.id }))
    unwrap(await api.listSnapshots({ deviceId: DEVICE_A }))
    const [newestA, olderA] = unwrap(await api.listSnapshots({ deviceId: DEVICE_A })).items
    if (!newestA || !olderA) throw new Error('expected two snapshots of the first device')
    for (const format of ['json', 'html'] as const) {
      unwrap(await api.exportSnapshots({ ids: [newestA.id], format }))
      unwrap(await api.exportSnapshots({ ids: [olderA.id, newestA.id], format }))
    }
    // The work-order report (PDF, HTML and JSON from one dialog) of a visit with the fetched chargers.
    const visit = unwrap(await api.createVisit({ name: 'Canary visit', site: 'Canary site', notes: '' }))
    unwrap(await api.addVisitDevices({ id: visit.id, deviceIds: [DEVICE_A, DEVICE_HOT], origin: 'work-order' }))
    outcomes.report = await api.exportReport({ scope: { kind: 'visit', visitId: visit.id }, fields: { technician: 'Canary tech', workOrder: 'WO-CANARY' }, pageSize: 'A4' })
    unwrap(await api.updateSettings({ snapshotRetention: 50 }))
    unwrap(await api.getSettings())

    unwrap(await api.signOut())
    unwrap(await api.listProfiles())
    const profileId = unwrap(await api.listProfiles()).profiles.find((p) => !p.isDemo)?.id
    if (!profileId) throw new Error('the added profile is missing')
    unwrap(await api.activateProfile({ id: profileId }))
    outcomes.afterSignIn = await api.fetchDevice({ deviceId: DEVICE_HOT })
    unwrap(await api.removeProfile({ id: profileId }))
    unwrap(await api.listProfiles())
    outcomes.diagnostics = await api.getDiagnostics()
    await app.dispose()
  })

  afterAll(async () => {
    for (const spy of consoleSpies) spy.mockRestore()
    await app?.dispose()
    await app?.removeFolders()
    await sim?.close()
  })

  const canaries = (): Canary[] => [
    { label: 'client secret', value: SECRET },
    { label: 'wrong client secret', value: WRONG_SECRET },
    ...app.recorder.tokens.flatMap((token, i) => [
      { label: `access token #${i + 1}`, value: token },
      // The signature alone is unique to this token (header and claims may repeat).
      { label: `access token #${i + 1} signature`, value: token.split('.').at(-1) ?? token },
    ]),
  ]

  it('really exercised the secret, the tokens and every fault', () => {
    expect(outcomes.wrongSecret).toMatchObject({ ok: false, error: { kind: 'auth', code: 2001 } })
    expect(outcomes.added?.ok).toBe(true)
    expect(outcomes.liveA).toMatchObject({ ok: true, value: { source: 'live' } })
    expect(outcomes.unknown).toMatchObject({ ok: false, error: { code: 3001 } })
    expect(outcomes.afterRevoke).toMatchObject({ ok: true, value: { source: 'live' } })
    expect(outcomes.captive).toMatchObject({ ok: true, value: { source: 'offline', error: { kind: 'invalid-response' } } })
    expect(outcomes.truncated).toMatchObject({ ok: false, error: { kind: 'invalid-response' } })
    expect(outcomes.sites?.ok).toBe(true)
    expect(outcomes.afterSignIn).toMatchObject({ ok: true, value: { source: 'live' } })
    // Tokens: the check on add, the profile's client, the renewal after the revocation, the new client after sign-in.
    expect(app.recorder.tokens.length).toBeGreaterThanOrEqual(3)
    expect(new Set(app.recorder.tokens).size).toBe(app.recorder.tokens.length)
    expect(sim.control.requests().filter((r) => r.clientId === CLIENT_ID).length).toBeGreaterThan(5)
    expect(outcomes.report).toMatchObject({ ok: true, value: { saved: true } })
    expect(app.exportedFiles).toHaveLength(5)
    // The diagnostics for support carry the log's latest lines, so their scan below means something.
    expect(outcomes.diagnostics).toMatchObject({ ok: true, value: expect.stringContaining('/operator/oauth/token') })
  })

  it('the scanner finds a planted secret in every encoding it looks for (so a clean scan means something)', async () => {
    const { root: dir, cleanup } = await tempRoot('tellus-leak-plant-')
    try {
      await writeFile(join(dir, 'plain.txt'), `x${SECRET}y`)
      await writeFile(join(dir, 'utf16.bin'), Buffer.from(`z${SECRET}`, 'utf16le'))
      await writeFile(join(dir, 'b64.txt'), `token=${Buffer.from(SECRET).toString('base64')};`)
      const { leaks } = await scanTree(dir, [{ label: 'client secret', value: SECRET }])
      expect(new Set(leaks.map((l) => l.encoding))).toEqual(new Set(['utf8', 'utf16le', 'base64', 'base64url']))
      expect(new Set(leaks.map((l) => l.where.split('/').at(-1)))).toEqual(new Set(['plain.txt', 'utf16.bin', 'b64.txt']))
    } finally {
      await cleanup()
    }
  })

  it('no file under userData holds the secret or a token', async () => {
    const { files, leaks } = await scanTree(app.userDataDir, canaries())
    expect(files.some((f) => f.endsWith('profiles.json'))).toBe(true)
    expect(files.some((f) => f.endsWith(join('logs', 'main.log')))).toBe(true)
    expect(files.filter((f) => f.includes('snapshots')).length).toBeGreaterThan(3)
    expect(leaks).toEqual([])
  })

  it('no exported JSON, HTML or PDF file holds them (the PDF also as its extracted text)', async () => {
    const { files, leaks } = await scanTree(app.exportDir, canaries())
    expect(files).toHaveLength(7)
    expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(1)
    expect(leaks).toEqual([])
    const pdf = files.find((f) => f.endsWith('.pdf'))!
    const text = (await run('pdftotext', [pdf, '-'])).stdout
    expect(text).toContain('WO-CANARY')
    expect(scanText(text, `${pdf} (text)`, canaries())).toEqual([])
  })

  it('no log line and no console output holds them', () => {
    // The API client logs every exchange (redacted), so there is something to scan.
    expect(app.logLines.some((line) => line.includes('/operator/oauth/token'))).toBe(true)
    expect(app.logLines.some((line) => line.includes(DEVICE_UNKNOWN))).toBe(true)
    const leaks: Leak[] = [
      ...app.logLines.flatMap((line, i) => scanText(line, `log line ${i + 1}`, canaries())),
      ...consoleOutput.flatMap((line, i) => scanText(line, `console output ${i + 1}`, canaries())),
    ]
    expect(leaks).toEqual([])
  })

  it('no IPC result and no pushed event holds them (error excerpts included)', () => {
    expect(app.calls.length).toBeGreaterThan(20)
    const excerpts = app.calls.map((c) => JSON.stringify(c.result)).filter((text) => text.includes('"excerpt"'))
    expect(excerpts.length).toBeGreaterThan(0)
    const leaks: Leak[] = [
      ...app.calls.flatMap((call, i) => scanText(JSON.stringify(call.result), `IPC result #${i + 1} (${call.channel})`, canaries())),
      ...app.events.flatMap((event, i) => scanText(JSON.stringify(event), `event #${i + 1}`, canaries())),
    ]
    expect(leaks).toEqual([])
  })
})
