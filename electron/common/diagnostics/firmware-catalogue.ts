/**
 * The app's firmware catalogue (resources/data/firmware-catalogue.json): the latest known stable
 * build per model and known issues per version range. Validated when this module loads.
 * The Tellus API has no firmware endpoint, so this is transcribed documentation, kept by hand.
 */
import { z } from 'zod'
import catalogueJson from '../../../resources/data/firmware-catalogue.json'
import { parseFirmwareVersion } from './firmware-version'

const version = z.string().refine((text) => parseFirmwareVersion(text) !== undefined, 'not a firmware version')

const CatalogueModelSchema = z.strictObject({
  model: z.string().min(1),
  latestStable: version,
  baselineStable: version.optional(),
  note: z.string().optional(),
  source: z.url(),
})

const KnownIssueSchema = z
  .strictObject({
    id: z.string().min(1),
    faultCode: z.string().regex(/^F-\d{4}$/).optional(),
    /** Models it applies to; null = any model. */
    models: z.array(z.string().min(1)).nullable(),
    /** First affected version (inclusive); absent = every earlier build of the same format. */
    introduced: version.optional(),
    /** First fixed version (exclusive end of the range); absent = not fixed yet. */
    fixed: version.optional(),
    severity: z.enum(['warning', 'info']),
    summary: z.string().min(1),
    action: z.string().min(1),
    source: z.url(),
  })
  .refine((issue) => issue.introduced !== undefined || issue.fixed !== undefined, 'a known issue needs a version range')

/** Schema of the whole catalogue file; model names must be unique. */
export const FirmwareCatalogueSchema = z.strictObject({
  note: z.string(),
  models: z
    .array(CatalogueModelSchema)
    .refine((models) => new Set(models.map((m) => normalizeModel(m.model))).size === models.length, 'models must be unique'),
  knownIssues: z.array(KnownIssueSchema),
})

/** The catalogue's entry for one model. */
export type CatalogueModel = z.infer<typeof CatalogueModelSchema>

/** A documented problem of a firmware version range (introduced inclusive, fixed exclusive). */
export type KnownIssue = z.infer<typeof KnownIssueSchema>

/** Model names are matched exactly, ignoring case and surrounding spaces: no guessing. */
export function normalizeModel(model: string): string {
  return model.trim().toUpperCase()
}

const catalogue = FirmwareCatalogueSchema.parse(catalogueJson)

/** Every model the catalogue knows. */
export const CATALOGUE_MODELS: readonly CatalogueModel[] = catalogue.models

/** Every known issue in the catalogue. */
export const KNOWN_ISSUES: readonly KnownIssue[] = catalogue.knownIssues

/** The catalogue entry for a model, or undefined when the catalogue has none. */
export function findCatalogueModel(model: string | null | undefined): CatalogueModel | undefined {
  if (!model) return undefined
  const wanted = normalizeModel(model)
  return CATALOGUE_MODELS.find((entry) => normalizeModel(entry.model) === wanted)
}
