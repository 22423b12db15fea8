/// <reference types="vite/client" />
import type { TellusApi } from '@common/ipc/contract'

declare global {
  interface Window {
    /** Exposed by the preload (Electron) or by the browser shell (tests). */
    tellus: TellusApi
  }
}
export {}
