import { useEffect } from 'react'
import { useAppStore } from '@renderer/store/store-context'
import { VisitDetail } from './visit-detail'
import { VisitList } from './visit-list'
import './visits.css'

/** Site visits: the list of visits, or one visit's work list, preparation and triage board. */
export function VisitsView() {
  const openVisitId = useAppStore((s) => s.openVisitId)
  const loadVisits = useAppStore((s) => s.loadVisits)
  const loadBoard = useAppStore((s) => s.loadBoard)
  const loadRecentDevices = useAppStore((s) => s.loadRecentDevices)
  useEffect(() => {
    void loadVisits()
    void loadRecentDevices()
    // Back from the device view or a comparison: the board shows any fetch made meanwhile.
    void loadBoard()
  }, [loadVisits, loadBoard, loadRecentDevices])
  return openVisitId ? <VisitDetail /> : <VisitList />
}
