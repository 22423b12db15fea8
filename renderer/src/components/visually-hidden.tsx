import type { ReactNode } from 'react'

/** Text for screen readers only (kept in the layout flow, clipped to nothing visually). */
export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span className="visually-hidden">{children}</span>
}
