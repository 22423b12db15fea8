import type { KeychainState } from '@common/profile-types'
import { Banner } from '@renderer/components/banner'
import { WhatToDo } from '@renderer/components/what-to-do'

/**
 * A prominent warning when the system keychain cannot be used (why, what to do, what still works), or
 * a plain notice when secrets are kept in memory for this session only (the browser shell without a
 * Secret Service).
 */
export function KeychainBanner({ keychain }: { keychain: KeychainState }) {
  if (keychain.available && keychain.sessionOnly) {
    return (
      <Banner variant="warning" title="Client secrets last only for this session" role="none">
        <p>
          No system keychain (Secret Service) answers here, so client secrets are kept in memory and forgotten when Tellus Field stops. Enter them
          again after a restart. They are never written to a file.
        </p>
      </Banner>
    )
  }
  if (keychain.available) return null
  return (
    <Banner variant="error" title="System keychain unavailable: operator profiles cannot be added">
      <p>{keychain.reason}</p>
      <WhatToDo action={keychain.action} />
      <p>
        Client secrets are only ever kept in the keychain, never in a file.
        {/demo fleet/i.test(keychain.action) ? null : ' The demo fleet and stored snapshots still work.'}
      </p>
    </Banner>
  )
}
