/**
 * Validators for every IPC argument. Main runs each request's argument through its schema before
 * any service sees it. The `satisfies` clause ties each schema to the contract's argument type,
 * so the two cannot drift apart.
 */
import { z } from 'zod'
import { DeviceIdSchema } from '../devices/device-id'
import { HISTORY_RANGE_DAYS } from '../history/history-types'
import { PROFILE_INPUT_LIMITS } from '../profile-types'
import { RetentionSchema } from '../snapshots/snapshot-retention'
import { RUNBOOK_NOTE_LIMIT, RunbookSessionIdSchema } from '../runbooks/runbook-session'
import { ReportFieldsSchema } from '../reports/report-fields'
import { REPORT_PAGE_SIZES } from '../reports/report-types'
import { RECORD_SEARCH_DAYS } from '../visits/charging-record-devices'
import { MAX_VISIT_DEVICES, VisitIdSchema, VisitInputSchema } from '../visits/visit-schemas'
import type { ApiMethod, ArgsOf } from './contract'

const id = z.string().trim().min(1).max(200)
const text = (max: number) => z.string().trim().min(1).max(max)
const noArgs = z.undefined()
/** A runbook, step or answer id of the runbooks file. */
const runbookPart = z.string().regex(/^[a-z0-9-]{1,80}$/, 'Not a runbook, step or answer id.')
/** A technician's note: trimmed, empty means none. */
const runbookNote = z
  .string()
  .trim()
  .max(RUNBOOK_NOTE_LIMIT)
  .transform((note) => note || null)

/** What a technician types into a profile, within PROFILE_INPUT_LIMITS. */
const profileField = {
  name: text(PROFILE_INPUT_LIMITS.name),
  baseUrl: text(PROFILE_INPUT_LIMITS.baseUrl),
  clientId: text(PROFILE_INPUT_LIMITS.clientId),
  clientSecret: z.string().min(1).max(PROFILE_INPUT_LIMITS.clientSecret),
}
const profileInput = z.strictObject(profileField)

/** The longest text the clipboard channel accepts (a large raw device response fits easily). */
export const CLIPBOARD_MAX_CHARS = 5_000_000

type Schemas = { [M in ApiMethod]: z.ZodType<ArgsOf<M>> }

export const ARG_SCHEMAS = {
  getAppInfo: noArgs,
  getDiagnostics: noArgs,
  openLogsFolder: noArgs,
  writeClipboard: z.strictObject({ text: z.string().max(CLIPBOARD_MAX_CHARS) }),
  listProfiles: noArgs,
  addProfile: profileInput,
  updateProfile: z.strictObject({
    id,
    name: profileField.name.optional(),
    baseUrl: profileField.baseUrl.optional(),
    clientId: profileField.clientId.optional(),
    clientSecret: profileField.clientSecret.optional(),
  }),
  removeProfile: z.strictObject({ id }),
  activateProfile: z.strictObject({ id }),
  signOut: noArgs,
  relinkProfile: z.strictObject({ account: id, name: profileField.name, baseUrl: profileField.baseUrl, clientId: profileField.clientId, originConfirmed: z.literal(true) }),
  forgetUnlinkedSecret: z.strictObject({ account: id }),
  dismissProfilesNotice: noArgs,
  fetchDevice: z.strictObject({ deviceId: DeviceIdSchema }),
  listSites: noArgs,
  listDemoDevices: noArgs,
  listSnapshots: z.strictObject({
    deviceId: DeviceIdSchema.optional(),
    siteId: text(200).optional(),
    limit: z.number().int().min(1).max(100_000).optional(),
  }),
  getSnapshot: z.strictObject({ id }),
  deleteSnapshots: z.discriminatedUnion('scope', [
    z.strictObject({ scope: z.literal('one'), id }),
    z.strictObject({ scope: z.literal('device'), deviceId: DeviceIdSchema }),
    z.strictObject({ scope: z.literal('all') }),
  ]),
  exportSnapshots: z.strictObject({
    ids: z.union([z.tuple([id]), z.tuple([id, id])]),
    format: z.enum(['json', 'html']),
    includeHistory: z.boolean().optional(),
  }),
  getSettings: noArgs,
  updateSettings: z.strictObject({ snapshotRetention: RetentionSchema.optional() }),
  listVisits: noArgs,
  createVisit: VisitInputSchema,
  updateVisit: VisitInputSchema.partial().extend({ id: VisitIdSchema, archived: z.boolean().optional() }),
  addVisitDevices: z.strictObject({
    id: VisitIdSchema,
    deviceIds: z.array(DeviceIdSchema).min(1).max(MAX_VISIT_DEVICES),
    origin: z.enum(['work-order', 'recent', 'charging-records']),
  }),
  removeVisitDevice: z.strictObject({ id: VisitIdSchema, deviceId: DeviceIdSchema }),
  getVisitBoard: z.strictObject({ id: VisitIdSchema }),
  prepareVisit: z.strictObject({ id: VisitIdSchema, scope: z.enum(['all', 'remaining']), withHistory: z.boolean().optional() }),
  cancelPrepareVisit: z.strictObject({ id: VisitIdSchema }),
  getPrepareProgress: z.strictObject({ id: VisitIdSchema }),
  findRecordDevices: z.strictObject({ days: z.union(RECORD_SEARCH_DAYS.map((days) => z.literal(days))) }),
  fetchHistory: z.strictObject({ deviceId: DeviceIdSchema, days: z.union(HISTORY_RANGE_DAYS.map((days) => z.literal(days))) }),
  getTimeline: z.strictObject({ deviceId: DeviceIdSchema }),
  watchDevice: z.strictObject({ deviceId: DeviceIdSchema }),
  unwatchDevice: z.strictObject({ deviceId: DeviceIdSchema }),
  setWindowVisible: z.strictObject({ visible: z.boolean() }),
  startRecording: z.strictObject({ deviceId: DeviceIdSchema }),
  stopRecording: z.strictObject({ deviceId: DeviceIdSchema }),
  listRecordings: z.strictObject({ deviceId: DeviceIdSchema }),
  getRecording: z.strictObject({ id }),
  deleteRecording: z.strictObject({ id }),
  exportRecording: z.strictObject({ id, format: z.enum(['csv', 'json']) }),
  listRunbookSessions: z.strictObject({ visitId: VisitIdSchema.optional(), deviceId: DeviceIdSchema.optional() }),
  startRunbook: z.strictObject({ runbookId: runbookPart, deviceId: DeviceIdSchema, visitId: VisitIdSchema.nullable() }),
  recheckRunbookStep: z.strictObject({ sessionId: RunbookSessionIdSchema, stepId: runbookPart }),
  completeRunbookStep: z.strictObject({
    sessionId: RunbookSessionIdSchema,
    stepId: runbookPart,
    outcome: z.enum(['pass', 'fail']).optional(),
    choiceId: runbookPart.optional(),
    note: runbookNote.nullable().optional(),
  }),
  escalateRunbook: z.strictObject({
    sessionId: RunbookSessionIdSchema,
    typed: z.record(z.string().max(200), z.string().max(RUNBOOK_NOTE_LIMIT)).refine((typed) => Object.keys(typed).length <= 20, 'at most 20 items'),
    note: runbookNote.nullable(),
  }),
  exportReport: z.strictObject({
    scope: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('visit'), visitId: VisitIdSchema }),
      z.strictObject({ kind: z.literal('device'), deviceId: DeviceIdSchema, visitId: VisitIdSchema.nullable() }),
    ]),
    fields: ReportFieldsSchema,
    pageSize: z.enum(REPORT_PAGE_SIZES),
  }),
} satisfies Schemas

/**
 * The argument of a method after its schema ran: ids come branded (a `DeviceId`, not a string),
 * so the layers behind the handler take the checked type and never check it again.
 */
export type ValidArgsOf<M extends ApiMethod> = z.output<(typeof ARG_SCHEMAS)[M]>
