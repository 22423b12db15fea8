import type { MainServices } from '@main/services/create-main-services'
import type { HandlerMap } from '../ipc-dispatcher'

/** Operator profiles; the secret goes in, never comes out. */
export function profileHandlers({ profiles }: MainServices): Pick<HandlerMap, 'listProfiles' | 'addProfile' | 'updateProfile' | 'removeProfile' | 'activateProfile' | 'signOut' | 'relinkProfile' | 'forgetUnlinkedSecret' | 'dismissProfilesNotice'> {
  return {
    listProfiles: async () => ({ ok: true, value: await profiles.state() }),
    addProfile: (input) => profiles.add(input),
    updateProfile: (input) => profiles.update(input),
    removeProfile: ({ id }) => profiles.remove(id),
    activateProfile: ({ id }) => profiles.activate(id),
    signOut: () => profiles.signOut(),
    relinkProfile: (input) => profiles.relink(input),
    forgetUnlinkedSecret: ({ account }) => profiles.forgetUnlinked(account),
    dismissProfilesNotice: () => profiles.dismissFileNotice(),
  }
}
