import type { ReactElement } from 'react'

/** Names of the app's icons. Icons are always decorative: the text next to them carries the meaning. */
export type IconName =
  | 'ok'
  | 'warning'
  | 'critical'
  | 'info'
  | 'unknown'
  | 'offline'
  | 'charging'
  | 'discharging'
  | 'idle'
  | 'unavailable'
  | 'refresh'
  | 'copy'
  | 'search'
  | 'sun'
  | 'moon'
  | 'archive'

const PATHS: Record<IconName, ReactElement> = {
  ok: <path d="M5 12.5l4.5 4.5L19 7.5" />,
  warning: (
    <>
      <path d="M12 3.5L2.5 20.5h19L12 3.5z" />
      <path d="M12 10v4.5M12 17.5v.01" />
    </>
  ),
  critical: (
    <>
      <path d="M8 2.5h8l5.5 5.5v8L16 21.5H8L2.5 16V8z" />
      <path d="M9 9l6 6M15 9l-6 6" />
    </>
  ),
  info: (
    <>
      <circle cx="12" cy="12" r="9.5" />
      <path d="M12 11v6M12 7.5v.01" />
    </>
  ),
  unknown: (
    <>
      <circle cx="12" cy="12" r="9.5" />
      <path d="M9.5 9.5a2.5 2.5 0 1 1 3.6 2.2c-.7.4-1.1 1-1.1 1.8v.5M12 17v.01" />
    </>
  ),
  offline: (
    <>
      <path d="M2 8.5a15 15 0 0 1 20 0M5.5 12a10 10 0 0 1 13 0M9 15.5a5 5 0 0 1 6 0M12 19v.01" />
      <path d="M3 3l18 18" />
    </>
  ),
  charging: <path d="M13 2.5L4.5 13.5h6.5l-1 8 8.5-11H12l1-8z" />,
  discharging: (
    <>
      <path d="M12 3v13M6.5 10.5L12 16l5.5-5.5" />
      <path d="M4 20.5h16" />
    </>
  ),
  idle: <circle cx="12" cy="12" r="8" />,
  unavailable: (
    <>
      <circle cx="12" cy="12" r="9.5" />
      <path d="M5.5 5.5l13 13" />
    </>
  ),
  refresh: (
    <>
      <path d="M20 11a8 8 0 1 0-2.3 5.7" />
      <path d="M20 4v7h-7" />
    </>
  ),
  copy: (
    <>
      <rect x="8.5" y="8.5" width="12" height="12" rx="1.5" />
      <path d="M15.5 8.5V5A1.5 1.5 0 0 0 14 3.5H5A1.5 1.5 0 0 0 3.5 5v9A1.5 1.5 0 0 0 5 15.5h3.5" />
    </>
  ),
  search: (
    <>
      <circle cx="10.5" cy="10.5" r="6.5" />
      <path d="M15.5 15.5L21 21" />
    </>
  ),
  sun: (
    <>
      <circle cx="12" cy="12" r="4.5" />
      <path d="M12 2v2.5M12 19.5V22M2 12h2.5M19.5 12H22M4.9 4.9l1.8 1.8M17.3 17.3l1.8 1.8M4.9 19.1l1.8-1.8M17.3 6.7l1.8-1.8" />
    </>
  ),
  moon: <path d="M20 14.5A8.5 8.5 0 0 1 9.5 4a8.5 8.5 0 1 0 10.5 10.5z" />,
  archive: (
    <>
      <rect x="2.5" y="3.5" width="19" height="5" rx="1" />
      <path d="M4.5 8.5v11a1 1 0 0 0 1 1h13a1 1 0 0 0 1-1v-11M10 12.5h4" />
    </>
  ),
}

/** A decorative line icon in the current text colour (hidden from assistive technology). */
export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      viewBox="0 0 24 24"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name]}
    </svg>
  )
}
