/**
 * The preload: exposes `window.tellus`, one named function per IPC channel of the contract, and
 * nothing else (never ipcRenderer itself). Bundled as one CommonJS file for the sandbox.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { buildTellusApi } from '@common/ipc/build-api'
import { CHANNELS, EVENT_NAMES } from '@common/ipc/contract'

const api = buildTellusApi(CHANNELS, EVENT_NAMES, {
  invoke: (channel, args) => ipcRenderer.invoke(channel, args),
  subscribe: (event, listener) => {
    const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
    ipcRenderer.on(event, handler)
    return () => ipcRenderer.removeListener(event, handler)
  },
})

contextBridge.exposeInMainWorld('tellus', api)
