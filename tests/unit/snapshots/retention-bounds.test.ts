/** The retention bound and default are written once (common) and every side applies the same ones. */
import { describe, expect, it } from 'vitest'
import { ARG_SCHEMAS } from '@common/ipc/contract-schemas'
import { DEFAULT_RETENTION, RETENTION_MAX, RETENTION_MIN } from '@common/snapshots/snapshot-retention'
import { DEFAULT_SETTINGS } from '@main/settings/settings-store'
import { parseRetention } from '@renderer/views/snapshots/retention'
import { SnapshotStore } from '@main/snapshots/snapshot-store'

describe('snapshot retention bounds', () => {
  it.each([
    [RETENTION_MIN - 1, false],
    [RETENTION_MIN, true],
    [DEFAULT_RETENTION, true],
    [RETENTION_MAX, true],
    [RETENTION_MAX + 1, false],
  ])('%i is accepted by the IPC schema, the store and the setting field alike: %s', async (count, accepted) => {
    expect(ARG_SCHEMAS.updateSettings.safeParse({ snapshotRetention: count }).success).toBe(accepted)
    expect(parseRetention(String(count)).ok).toBe(accepted)
    expect((await new SnapshotStore({ root: '/nonexistent-retention-root' }).setRetention(count)).ok).toBe(accepted)
  })

  it('starts at the one default', () => {
    expect(DEFAULT_SETTINGS.snapshotRetention).toBe(DEFAULT_RETENTION)
  })
})
