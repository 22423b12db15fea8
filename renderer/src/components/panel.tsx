import { useId, type ReactNode } from 'react'

/** Props of `Panel`. */
export interface PanelProps {
  title: ReactNode
  /** Controls shown at the right of the title bar. */
  actions?: ReactNode
  children: ReactNode
  headingLevel?: 2 | 3
  className?: string
}

/** A titled section (a landmark labelled by its heading) on a raised surface. */
export function Panel({ title, actions, children, headingLevel = 2, className }: PanelProps) {
  const headingId = useId()
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <section className={['panel', className ?? ''].filter(Boolean).join(' ')} aria-labelledby={headingId}>
      <div className="panel-head">
        <Heading id={headingId} className="panel-title">
          {title}
        </Heading>
        {actions ? <div className="panel-actions">{actions}</div> : null}
      </div>
      <div className="panel-body">{children}</div>
    </section>
  )
}
