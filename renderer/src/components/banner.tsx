import type { ReactNode } from 'react'
import { Icon, type IconName } from './icon'

export type BannerVariant = 'info' | 'warning' | 'error' | 'offline'

/** Props of `Banner`. */
export interface BannerProps {
  variant: BannerVariant
  title: ReactNode
  children?: ReactNode
  /** Buttons shown at the end of the banner. */
  actions?: ReactNode
  /** Live-region role; defaults to 'alert' for errors and 'status' otherwise. 'none' for no live region. */
  role?: 'alert' | 'status' | 'none'
  className?: string
}

const ICONS: Record<BannerVariant, IconName> = { info: 'info', warning: 'warning', error: 'critical', offline: 'archive' }

/** A full-width message bar. The offline variant is striped and bordered so it cannot be missed. */
export function Banner({ variant, title, children, actions, role, className }: BannerProps) {
  const liveRole = role ?? (variant === 'error' ? 'alert' : 'status')
  return (
    <div className={['banner', `banner-${variant}`, className ?? ''].filter(Boolean).join(' ')} role={liveRole === 'none' ? undefined : liveRole}>
      <Icon name={ICONS[variant]} className="banner-icon" />
      <div className="banner-body">
        <p className="banner-title">{title}</p>
        {children ? <div className="banner-text">{children}</div> : null}
      </div>
      {actions ? <div className="banner-actions">{actions}</div> : null}
    </div>
  )
}
