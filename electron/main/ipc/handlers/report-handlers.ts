import type { MainServices } from '@main/services/create-main-services'
import type { HandlerMap } from '../ipc-dispatcher'

/** Work-order reports (PDF, HTML and JSON of a visit or a charger). */
export function reportHandlers({ reports }: MainServices): Pick<HandlerMap, 'exportReport'> {
  return {
    exportReport: (request) => reports.export(request),
  }
}
