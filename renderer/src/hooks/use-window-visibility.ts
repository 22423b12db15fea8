import { useEffect } from 'react'
import { useAppStore } from '@renderer/store/store-context'

/** Tells main when the window is hidden or shown again (main stops the live stream after a minute hidden). */
export function useWindowVisibility(): void {
  const setWindowVisible = useAppStore((s) => s.setWindowVisible)
  useEffect(() => {
    const report = () => void setWindowVisible(document.visibilityState !== 'hidden')
    document.addEventListener('visibilitychange', report)
    return () => document.removeEventListener('visibilitychange', report)
  }, [setWindowVisible])
}
