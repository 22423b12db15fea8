import type { ReactNode } from 'react'

/**
 * Scrolls an element of the page to the top of the viewport and moves focus to it (it needs
 * `tabIndex={-1}`), so keyboard and screen-reader users land where sighted users look.
 */
export function revealElement(id: string): void {
  const target = document.getElementById(id)
  if (!target) return
  target.scrollIntoView?.({ block: 'start' })
  target.focus({ preventScroll: true })
}

/** An in-page link that scrolls to and focuses its target, without touching the URL. */
export function JumpLink({ targetId, children, className }: { targetId: string; children: ReactNode; className?: string }) {
  return (
    <a
      href={`#${targetId}`}
      className={['jump-link', className ?? ''].filter(Boolean).join(' ')}
      onClick={(event) => {
        event.preventDefault()
        revealElement(targetId)
      }}
    >
      {children}
    </a>
  )
}
