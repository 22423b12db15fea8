import { Icon } from './icon'
import { connectorStatusLook, deviceStatusLook, severityLook, type StatusLook } from './status-look'
import type { FindingSeverity } from '@common/diagnostics/finding'
import { VisuallyHidden } from './visually-hidden'

/** What a `StatusBadge` shows: a device or connector status as it came, a finding severity, or a ready look. */
export type StatusBadgeProps = (
  | { kind: 'device' | 'connector'; value: string | null | undefined }
  | { kind: 'severity'; value: FindingSeverity }
  | { kind: 'custom'; look: StatusLook }
) & { size?: 'normal' | 'large'; className?: string }

function lookOf(props: StatusBadgeProps): StatusLook {
  switch (props.kind) {
    case 'device':
      return deviceStatusLook(props.value)
    case 'connector':
      return connectorStatusLook(props.value)
    case 'severity':
      return severityLook(props.value)
    case 'custom':
      return props.look
  }
}

/**
 * A status as colour, icon and text together. An undocumented value is shown exactly as it came,
 * with a dashed outline and a screen-reader note, never dropped or mapped to something else.
 */
export function StatusBadge(props: StatusBadgeProps) {
  const look = lookOf(props)
  const classes = ['badge', `tone-${look.tone}`, look.origin === 'documented' ? '' : 'badge-unknown', props.size === 'large' ? 'badge-large' : '', props.className ?? '']
    .filter(Boolean)
    .join(' ')
  return (
    <span className={classes} title={look.origin === 'undocumented' ? 'Not a value the Tellus documentation lists; shown as received' : undefined}>
      <Icon name={look.icon} />
      <span className="badge-label">{look.label}</span>
      {look.origin === 'undocumented' ? <VisuallyHidden> (undocumented status)</VisuallyHidden> : null}
    </span>
  )
}
