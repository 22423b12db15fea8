/** Renders one view (not the whole app) inside a real app store built around the shared fake API. */
import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactElement } from 'react'
import type { Snapshot, SnapshotMeta } from '@common/snapshot-types'
import { createAppStore, type AppStore } from '@renderer/store/create-app-store'
import { StoreProvider } from '@renderer/store/store-context'
import { createFakeApi, type FakeApi } from '../../support/fake-api'
import { metaOf } from '../../support/fixtures'

/** What `renderView` gives a test. */
export interface RenderedView {
  store: AppStore
  user: ReturnType<typeof userEvent.setup>
  fake: FakeApi
}

/** Renders `ui` with a store over `fake` (a default fake API when omitted). */
export function renderView(ui: ReactElement, fake: FakeApi = createFakeApi()): RenderedView {
  const store = createAppStore(fake.api)
  const user = userEvent.setup()
  render(<StoreProvider store={store}>{ui}</StoreProvider>)
  return { store, user, fake }
}

/** The listing entry of a snapshot (same id, device, time and profile). */
export function listed(snapshot: Snapshot, fields: Partial<SnapshotMeta> = {}): SnapshotMeta {
  return metaOf(snapshot.deviceId, snapshot.fetchedAt, { id: snapshot.id, profileName: snapshot.profileName, ...fields })
}
