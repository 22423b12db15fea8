import type { ReactNode } from 'react'
import { Icon, type IconName } from './icon'

/** Props of `EmptyState`. */
export interface EmptyStateProps {
  title: ReactNode
  icon?: IconName
  children?: ReactNode
  /** Heading level of the title (default 2). */
  level?: 2 | 3
  className?: string
}

/** A friendly, designed "nothing here yet" block with what to do next. */
export function EmptyState({ title, icon = 'info', children, level = 2, className }: EmptyStateProps) {
  const Heading = level === 2 ? 'h2' : 'h3'
  return (
    <div className={['empty-state', className ?? ''].filter(Boolean).join(' ')}>
      <Icon name={icon} className="empty-state-icon" />
      <Heading className="empty-state-title">{title}</Heading>
      {children ? <div className="empty-state-body">{children}</div> : null}
    </div>
  )
}
