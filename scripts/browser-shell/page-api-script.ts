import { buildTellusApi } from '@common/ipc/build-api'
import { CHANNELS, EVENT_NAMES } from '@common/ipc/contract'

/**
 * The script the browser shell injects before the renderer loads: it builds `window.tellus` with
 * the very same `buildTellusApi` the preload uses, over the page bindings `__tellusInvoke` (to the
 * real IPC dispatcher in Node) and `__tellusEmit` (main → renderer events).
 */
export function pageApiScript(): string {
  return `(() => {
  const buildTellusApi = ${buildTellusApi.toString()};
  const listeners = new Map();
  Object.defineProperty(window, '__tellusEmit', {
    value: (event, payload) => { for (const listener of listeners.get(event) ?? []) listener(payload) },
  });
  const api = buildTellusApi(${JSON.stringify(CHANNELS)}, ${JSON.stringify(EVENT_NAMES)}, {
    invoke: (channel, args) => window.__tellusInvoke(channel, args),
    subscribe: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  });
  Object.defineProperty(window, 'tellus', { value: api, enumerable: true });
})();`
}
