/**
 * Every IPC result must cross to the renderer by structured clone: one that cannot (a value nested
 * 10,000 levels deep, a function, a class instance with a cycle) throws inside Electron and the
 * technician sees "Something went wrong inside the app" instead of the answer (issue 11 #2).
 * This drives every channel of the contract (the list comes from `CHANNELS`, so a new channel
 * fails here until it is exercised) through the real dispatcher, handlers and services, against
 * the demo fleet and an operator profile on a simulator that turns hostile, and clones every result.
 */
import { serialize } from 'node:v8'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Result } from '@common/errors'
import { CHANNELS } from '@common/ipc/contract'
import { startSimulator, type SimulatorHandle } from '@main/simulator/index'
import { createLeakApp, type LeakApp } from '../leak/leak-app'
import { unwrap } from '../../support/common-fixtures'

const DEVICE = 'dvc_a1b2c3d4e5f6'
const OTHER = 'dvc_2d7f0e9b4c61'
let sim: SimulatorHandle
let app: LeakApp
const outcomes: Record<string, Result<unknown>> = {}

beforeAll(async () => {
  sim = await startSimulator({ port: 0, streamIntervalMs: 50 })
  app = await createLeakApp()
  const { api } = app
  unwrap(await api.getAppInfo())
  unwrap(await api.getDiagnostics())
  unwrap(await api.openLogsFolder())
  unwrap(await api.writeClipboard({ text: '{"device_id":"dvc_a1b2c3d4e5f6"}' }))
  unwrap(await api.listDemoDevices())
  unwrap(await api.listSites())
  unwrap(await api.fetchDevice({ deviceId: DEVICE }))
  unwrap(await api.fetchHistory({ deviceId: DEVICE, days: 7 }))
  unwrap(await api.getTimeline({ deviceId: DEVICE }))
  unwrap(await api.setWindowVisible({ visible: true }))
  unwrap(await api.watchDevice({ deviceId: DEVICE }))
  const recording = unwrap(await api.startRecording({ deviceId: DEVICE }))
  await new Promise((resolve) => setTimeout(resolve, 300))
  unwrap(await api.stopRecording({ deviceId: DEVICE }))
  unwrap(await api.listRecordings({ deviceId: DEVICE }))
  unwrap(await api.getRecording({ id: recording.id }))
  unwrap(await api.exportRecording({ id: recording.id, format: 'csv' }))
  unwrap(await api.deleteRecording({ id: recording.id }))
  unwrap(await api.unwatchDevice({ deviceId: DEVICE }))

  const profiles = unwrap(await api.listProfiles())
  const demoId = profiles.profiles.find((profile) => profile.isDemo)!.id
  const added = unwrap(await api.addProfile({ name: 'Hostile depot', baseUrl: sim.baseUrl, ...{ clientId: sim.credentials.clientId, clientSecret: sim.credentials.clientSecret } }))
  const operatorId = added.profiles.find((profile) => !profile.isDemo)!.id
  unwrap(await api.updateProfile({ id: operatorId, name: 'Hostile depot (north)' }))
  unwrap(await api.fetchDevice({ deviceId: OTHER }))
  unwrap(await api.fetchHistory({ deviceId: OTHER, days: 7 }))
  sim.control.setFault(OTHER, { kind: 'deep-nesting' })
  outcomes.deep = await api.fetchDevice({ deviceId: OTHER })
  sim.control.setFault('*', { kind: 'deep-nesting' })
  outcomes.deepSites = await api.listSites()
  outcomes.deepHistory = await api.fetchHistory({ deviceId: OTHER, days: 7 })
  sim.control.clearFaults()
  // Secrets left in the keychain without a profile (as after a damaged profiles.json): one re-linked, one forgotten.
  await app.secrets.set('prf_lost_1', sim.credentials.clientSecret)
  await app.secrets.set('prf_lost_2', 'sec_lost_2')
  unwrap(await api.relinkProfile({ account: 'prf_lost_1', name: 'Relinked depot', baseUrl: sim.baseUrl, clientId: sim.credentials.clientId, originConfirmed: true }))
  unwrap(await api.forgetUnlinkedSecret({ account: 'prf_lost_2' }))
  unwrap(await api.dismissProfilesNotice())
  unwrap(await api.signOut())
  unwrap(await api.activateProfile({ id: demoId }))
  unwrap(await api.removeProfile({ id: operatorId }))

  const snapshots = unwrap(await api.listSnapshots({}))
  const [newest, older] = snapshots.items
  unwrap(await api.getSnapshot({ id: newest!.id }))
  unwrap(await api.exportSnapshots({ ids: [newest!.id], format: 'html' }))
  unwrap(await api.getSettings())
  unwrap(await api.updateSettings({ snapshotRetention: 40 }))

  const visit = unwrap(await api.createVisit({ name: 'Harbour Point', site: 'site_001', notes: 'Bay 3 reported hot' }))
  unwrap(await api.updateVisit({ id: visit.id, notes: 'Bay 3 and 4' }))
  unwrap(await api.addVisitDevices({ id: visit.id, deviceIds: [DEVICE, OTHER], origin: 'work-order' }))
  unwrap(await api.removeVisitDevice({ id: visit.id, deviceId: OTHER }))
  unwrap(await api.listVisits())
  unwrap(await api.prepareVisit({ id: visit.id, scope: 'all' }))
  unwrap(await api.getPrepareProgress({ id: visit.id }))
  unwrap(await api.cancelPrepareVisit({ id: visit.id }))
  unwrap(await api.getVisitBoard({ id: visit.id }))
  unwrap(await api.findRecordDevices({ days: 1 }))
  const session = unwrap(await api.startRunbook({ runbookId: 'charger-faulting-on-power-up', deviceId: DEVICE, visitId: visit.id }))
  unwrap(await api.recheckRunbookStep({ sessionId: session.id, stepId: 'supply' }))
  unwrap(await api.completeRunbookStep({ sessionId: session.id, stepId: 'supply', note: 'Measured 231 V' }))
  unwrap(await api.escalateRunbook({ sessionId: session.id, typed: { 'Fault log (last 10 fault events)': 'none' }, note: null }))
  unwrap(await api.listRunbookSessions({ visitId: visit.id }))
  unwrap(await api.exportReport({ scope: { kind: 'visit', visitId: visit.id }, fields: { technician: 'Ada', workOrder: 'WO-1' }, pageSize: 'A4' }))
  unwrap(await api.deleteSnapshots({ scope: 'one', id: older!.id }))
}, 60_000)

afterAll(async () => {
  await app?.dispose()
  await app?.removeFolders()
  await sim?.close()
})

describe('IPC results', () => {
  it('exercised every channel of the contract', () => {
    const called = new Set(app.calls.map((call) => call.channel))
    expect(Object.values(CHANNELS).filter((channel) => !called.has(channel))).toEqual([])
  })

  it('a deeply nested answer ends as the offline copy with an invalid-response error, not a result that cannot cross', () => {
    expect(outcomes.deep).toMatchObject({ ok: true, value: { source: 'offline', error: { kind: 'invalid-response' } } })
    expect(outcomes.deepSites).toMatchObject({ ok: false, error: { kind: 'invalid-response' } })
    expect(outcomes.deepHistory).toMatchObject({ ok: true, value: { source: 'offline' } })
  })

  it.each(Object.values(CHANNELS))('every result of %s is structured-cloneable', (channel) => {
    const results = app.calls.filter((call) => call.channel === channel).map((call) => call.result)
    expect(results.length).toBeGreaterThan(0)
    for (const result of results) {
      expect(() => serialize(result)).not.toThrow()
      expect(structuredClone(result)).toEqual(result)
    }
  })
})
