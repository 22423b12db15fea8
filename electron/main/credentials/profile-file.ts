/**
 * The shape of `<userData>/profiles.json`: non-secret profile data only. Validated on load; a file
 * that fails validation is treated as damaged.
 */
import { z } from 'zod'

export const PROFILES_FILE_VERSION = 1

/** One operator profile as stored on disk (never its secret). */
export const StoredProfileSchema = z.object({
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  baseUrl: z.string().min(1).max(2048),
  clientId: z.string().min(1).max(256),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
})
export type StoredProfile = z.infer<typeof StoredProfileSchema>

/** The whole file. `demoLastUsedAt` is the demo profile's only stored state. */
export const ProfilesFileSchema = z
  .object({
    version: z.literal(PROFILES_FILE_VERSION),
    activeProfileId: z.string().min(1).nullable(),
    demoLastUsedAt: z.iso.datetime().nullable(),
    profiles: z.array(StoredProfileSchema),
  })
  .refine((file) => new Set(file.profiles.map((p) => p.id)).size === file.profiles.length, {
    message: 'duplicate profile ids',
  })

/** The profiles file contents the services work with. */
export type ProfilesData = Omit<z.infer<typeof ProfilesFileSchema>, 'version'>

/** The contents before anything has been saved. */
export function emptyProfilesData(): ProfilesData {
  return { activeProfileId: null, demoLastUsedAt: null, profiles: [] }
}
