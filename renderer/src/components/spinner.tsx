import type { ReactNode } from 'react'

/**
 * A spinning ring. Without a label it is decorative (pair it with text); with a label it becomes
 * a `Loading` message.
 */
export function Spinner({ label, className }: { label?: ReactNode; className?: string }) {
  if (label !== undefined) return <Loading className={className}>{label}</Loading>
  return <span className={['spinner', className ?? ''].filter(Boolean).join(' ')} aria-hidden="true" />
}

/** A loading message with a spinner, announced politely to screen readers. */
export function Loading({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <div className={['loading', className ?? ''].filter(Boolean).join(' ')} role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{children}</span>
    </div>
  )
}

/** A grey placeholder block shaped like content that is on its way. */
export function Skeleton({ className }: { className?: string }) {
  return <div className={['skeleton', className ?? ''].filter(Boolean).join(' ')} aria-hidden="true" />
}
