import type { ButtonHTMLAttributes, Ref } from 'react'
import { Icon, type IconName } from './icon'

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger'

/** Props of `Button`: every native button attribute, plus a variant, an optional icon and a busy flag. */
export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant
  size?: 'normal' | 'small'
  icon?: IconName
  /** Shows a spinner and sets aria-busy; the button stays focusable. */
  busy?: boolean
  ref?: Ref<HTMLButtonElement>
}

/** The app's button. Defaults to type="button" so it never submits a form by accident. */
export function Button({ variant = 'secondary', size = 'normal', icon, busy = false, className, children, type = 'button', ref, ...rest }: ButtonProps) {
  const classes = ['btn', `btn-${variant}`, size === 'small' ? 'btn-small' : '', className ?? ''].filter(Boolean).join(' ')
  return (
    <button ref={ref} type={type} className={classes} aria-busy={busy || undefined} {...rest}>
      {busy ? <span className="spinner spinner-inline" aria-hidden="true" /> : icon ? <Icon name={icon} /> : null}
      {children}
    </button>
  )
}
