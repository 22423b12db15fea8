/**
 * The shape of a visit, checked when a visit file is read and when the renderer sends a visit's
 * name, site and notes. The length bounds live here once, for both sides.
 */
import { z } from 'zod'
import { APP_ERROR_KINDS } from '../errors'
import { DeviceIdSchema } from '../devices/device-id'
import { ReportFieldsSchema } from '../reports/report-fields'

/** Longest visit name, site and notes (characters). */
export const VISIT_TEXT_LIMITS = { name: 120, site: 120, notes: 4000 } as const
/** Most chargers on one visit's work list. */
export const MAX_VISIT_DEVICES = 1000

/** Name (required), site and notes (may be empty), trimmed. */
export const VisitInputSchema = z.strictObject({
  name: z.string().trim().min(1, 'Give the visit a name.').max(VISIT_TEXT_LIMITS.name),
  site: z.string().trim().max(VISIT_TEXT_LIMITS.site),
  notes: z.string().trim().max(VISIT_TEXT_LIMITS.notes),
})

/** A visit id as the store makes it: "v-" and 8 to 40 lowercase letters, digits or dashes. */
export const VisitIdSchema = z.string().regex(/^v-[a-z0-9-]{8,40}$/, 'Not a visit id.')

const AppErrorSchema = z.object({
  kind: z.enum(APP_ERROR_KINDS),
  message: z.string(),
  code: z.number().optional(),
  action: z.string().optional(),
  status: z.number().optional(),
})

const VisitDeviceSchema = z.object({
  deviceId: DeviceIdSchema,
  origin: z.enum(['work-order', 'recent', 'charging-records']),
  prepared: z.object({ snapshotId: z.string().min(1), fetchedAt: z.string() }).optional(),
  queued: z.boolean().optional(),
  failure: z.object({ error: AppErrorSchema, at: z.string() }).optional(),
  historyQueued: z.boolean().optional(),
  history: z.object({ fetchedAt: z.string(), records: z.number().int().min(0) }).optional(),
  historyFailure: z.object({ error: AppErrorSchema, at: z.string() }).optional(),
})

/** A visit file (format version 1). */
export const VisitFileSchema = z.object({
  formatVersion: z.literal(1),
  visit: z.object({
    id: VisitIdSchema,
    name: z.string(),
    site: z.string(),
    notes: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    archived: z.boolean(),
    devices: z.array(VisitDeviceSchema).max(MAX_VISIT_DEVICES),
    reportFields: ReportFieldsSchema.optional(),
    prepare: z
      .object({
        status: z.enum(['running', 'finished', 'cancelled', 'interrupted']),
        startedAt: z.string(),
        endedAt: z.string().optional(),
        reason: z.string().optional(),
        withHistory: z.boolean().optional(),
      })
      .optional(),
  }),
})
