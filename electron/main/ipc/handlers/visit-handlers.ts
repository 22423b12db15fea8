import type { MainServices } from '@main/services/create-main-services'
import type { HandlerMap } from '../ipc-dispatcher'

type VisitMethods =
  | 'listVisits'
  | 'createVisit'
  | 'updateVisit'
  | 'addVisitDevices'
  | 'removeVisitDevice'
  | 'getVisitBoard'
  | 'prepareVisit'
  | 'cancelPrepareVisit'
  | 'getPrepareProgress'
  | 'findRecordDevices'

/** Site visits: the list, the work list (and the chargers found in charging records), the triage board and preparing for offline. */
export function visitHandlers({ visits, prepare, recordDevices }: MainServices): Pick<HandlerMap, VisitMethods> {
  return {
    listVisits: () => visits.list(),
    createVisit: (input) => visits.create(input),
    updateVisit: (change) => visits.update(change),
    addVisitDevices: ({ id, deviceIds, origin }) => visits.addDevices(id, deviceIds, origin),
    removeVisitDevice: ({ id, deviceId }) => visits.removeDevice(id, deviceId),
    getVisitBoard: ({ id }) => visits.board(id),
    prepareVisit: ({ id, scope, withHistory }) => prepare.start(id, scope, withHistory),
    cancelPrepareVisit: ({ id }) => prepare.cancel(id),
    getPrepareProgress: ({ id }) => prepare.progress(id),
    findRecordDevices: ({ days }) => recordDevices(days),
  }
}
