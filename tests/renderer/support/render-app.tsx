/** Renders the whole app around a fake API, the way main.tsx does, for renderer tests. */
import { render, type RenderResult } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { App, preloadViews } from '@renderer/app'
import { createAppStore, type AppStore } from '@renderer/store/create-app-store'
import { StoreProvider } from '@renderer/store/store-context'
import { createFakeApi, type FakeApi, type FakeHandlers } from './fake-api'

// The views the app loads lazily, loaded once here so a test's first navigation does not wait for
// their code to be compiled.
await preloadViews()

/** What `renderApp` gives a test. */
export interface RenderedApp extends RenderResult {
  fake: FakeApi
  store: AppStore
  user: ReturnType<typeof userEvent.setup>
}

/** Renders <App/> with a store over a fake API (handlers overridable). */
export function renderApp(handlers: Partial<FakeHandlers> = {}, fake: FakeApi = createFakeApi(handlers)): RenderedApp {
  const store = createAppStore(fake.api)
  const user = userEvent.setup()
  const result = render(
    <StoreProvider store={store}>
      <App />
    </StoreProvider>,
  )
  return { ...result, fake, store, user }
}
