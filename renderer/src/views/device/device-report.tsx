import { useAppStore } from '@renderer/store/store-context'
import { ReportPanel } from '../reports/report-panel'

/**
 * The work-order report of the charger on screen: inside the open visit when the charger is on its
 * work list (before = the visit's prepared snapshot), else on its own (before = its first snapshot
 * of the last 12 h).
 */
export function DeviceReport({ deviceId, onClose }: { deviceId: string; onClose: () => void }) {
  const visit = useAppStore((s) => (s.board && s.board.visit.id === s.openVisitId && s.board.visit.devices.some((d) => d.deviceId === deviceId) ? s.board.visit : null))
  const lastReportFields = useAppStore((s) => s.lastReportFields)
  return (
    <ReportPanel
      scope={{ kind: 'device', deviceId, visitId: visit?.id ?? null }}
      subject={visit ? `${deviceId} (visit ${visit.name})` : deviceId}
      initialFields={visit?.reportFields ?? lastReportFields}
      onClose={onClose}
    />
  )
}
