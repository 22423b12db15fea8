import type { StateCreator } from 'zustand'
import type { Result } from '@common/errors'
import type { TellusApi } from '@common/ipc/contract'
import type { ReportExportOutcome, ReportFields, ReportRequest } from '@common/reports/report-types'
import type { AppState } from './app-state'

/** Work-order reports: saving one, and the fields last typed (a visit remembers its own on disk). */
export interface ReportSlice {
  /** The technician and work-order number of the last report saved in this session. */
  lastReportFields: ReportFields | null
  /** Builds and saves the report (main shows the save dialog); a visit's board is reloaded after, for its remembered fields. */
  exportReport: (request: ReportRequest) => Promise<Result<ReportExportOutcome>>
}

export const createReportSlice =
  (api: TellusApi): StateCreator<AppState, [], [], ReportSlice> =>
  (set, get) => ({
    lastReportFields: null,
    exportReport: async (request) => {
      const result = await api.exportReport(request)
      if (result.ok) {
        set({ lastReportFields: { technician: request.fields.technician.trim(), workOrder: request.fields.workOrder.trim() } })
        if (request.scope.visitId && get().openVisitId === request.scope.visitId) void get().loadBoard()
      }
      return result
    },
  })
