import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { CHANNELS } from '@common/ipc/contract'
import type { Dispatch } from './ipc-dispatcher'

/** Describes the frame that sent an IPC message, for the trusted-sender check. */
export function senderOf(event: IpcMainInvokeEvent): { url: string; isMainFrame: boolean } {
  const frame = event.senderFrame
  return { url: frame?.url ?? '', isMainFrame: !!frame && frame.parent === null }
}

/** Registers one `ipcMain.handle` per contract channel, all going through the dispatcher. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch): void {
  for (const channel of Object.values(CHANNELS)) {
    ipcMain.handle(channel, (event, args: unknown) => dispatch(channel, args, senderOf(event)))
  }
}
