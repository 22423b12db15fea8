import type { ReactNode } from 'react'
import type { AppError } from '@common/errors'
import { formatDuration } from '@common/format/duration'
import { Button } from './button'
import { Icon } from './icon'
import { errorTitle } from './error-title'
import { RetryCountdown } from './retry-countdown'
import { WhatToDo } from './what-to-do'

/** Props of `ErrorPanel`. */
export interface ErrorPanelProps {
  error: AppError
  /** Headline; defaults to one derived from the error kind and code. */
  title?: ReactNode
  /** Extra buttons (e.g. "Open Profiles"). */
  children?: ReactNode
  /** When given, a "Try again" button calls it. */
  onRetry?: () => void
  /** 'alert' (default) announces the panel when it appears. */
  role?: 'alert' | 'none'
  headingLevel?: 2 | 3
  className?: string
}

/**
 * An error as a technician needs it: what happened, what to do, and the details support asks for
 * (Tellus code, HTTP status, an excerpt of an unexpected response).
 */
export function ErrorPanel({ error, title, children, onRetry, role = 'alert', headingLevel = 2, className }: ErrorPanelProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  // What support asks for, in words; the internal error kind is no part of it.
  const details = [error.code !== undefined ? `Tellus code ${error.code}` : null, error.status !== undefined ? `HTTP ${error.status}` : null].filter(Boolean)
  return (
    <div className={['error-panel', className ?? ''].filter(Boolean).join(' ')} role={role === 'none' ? undefined : 'alert'}>
      <Heading className="error-panel-title">
        <Icon name="critical" />
        <span>{title ?? errorTitle(error)}</span>
      </Heading>
      <p className="error-panel-message">{error.message}</p>
      {error.action ? (
        <WhatToDo className="error-panel-action" action={error.action} />
      ) : null}
      {error.retryAt !== undefined ? (
        <RetryCountdown retryAt={error.retryAt} />
      ) : error.retryAfterMs !== undefined ? (
        <p>Tellus asked us to wait {formatDuration(error.retryAfterMs)} before trying again.</p>
      ) : null}
      {error.excerpt ? (
        <div className="error-panel-excerpt">
          <p>What Tellus sent (excerpt):</p>
          <pre tabIndex={0} role="region" aria-label="Response excerpt">
            {error.excerpt}
          </pre>
        </div>
      ) : null}
      {details.length > 0 ? <p className="error-panel-details">{details.join(' · ')}</p> : null}
      {children || onRetry ? (
        <div className="error-panel-actions">
          {onRetry ? (
            <Button icon="refresh" onClick={onRetry}>
              Try again
            </Button>
          ) : null}
          {children}
        </div>
      ) : null}
    </div>
  )
}
