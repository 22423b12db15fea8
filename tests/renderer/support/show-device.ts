/** Renders the app and looks one device up (type the id, Enter) whose live fetch answers with `data`. */
import { screen } from '@testing-library/react'
import { ok } from '@common/errors'
import { liveFetch } from './fixtures'
import { renderApp, type RenderedApp } from './render-app'

/** Renders the app, looks up the device of `data` and waits for its verdict. */
export async function showDevice(data: Record<string, unknown>): Promise<RenderedApp> {
  const rendered = renderApp({ fetchDevice: () => ok(liveFetch(data)) })
  await rendered.user.type(screen.getByRole('textbox', { name: 'Device id' }), `${String(data['device_id'])}{Enter}`)
  await screen.findByRole('region', { name: /Charger / })
  return rendered
}
