import type { ProfileView } from '@common/profile-types'

/** The demo profile first, then the others in the order main gave them. */
export function demoFirst(profiles: readonly ProfileView[]): ProfileView[] {
  return [...profiles.filter((p) => p.isDemo), ...profiles.filter((p) => !p.isDemo)]
}
