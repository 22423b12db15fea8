import type { InputHTMLAttributes } from 'react'
import { lacksApiVersion, withApiVersion } from '@common/tellus/base-url-version'

/** Props of `ProfileField`: a labelled input with an optional hint and problem, wired for screen readers. */
export interface ProfileFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'> {
  id: string
  label: string
  value: string
  onValue: (value: string) => void
  hint?: string
  problem?: string
}

/** One form field: label above, hint and problem below, linked with aria-describedby. */
export function ProfileField({ id, label, value, onValue, hint, problem, className, ...rest }: ProfileFieldProps) {
  const described = [hint ? `${id}-hint` : null, problem ? `${id}-problem` : null].filter(Boolean).join(' ')
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className={className ? `input ${className}` : 'input'}
        value={value}
        onChange={(e) => onValue(e.target.value)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={described || undefined}
        {...rest}
      />
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {problem ? (
        <p id={`${id}-problem`} className="field-error">
          {problem}
        </p>
      ) : null}
    </div>
  )
}

export const BASE_URL_PLACEHOLDER = 'https://api.telluspower.example.com/v1'

/** The base URL hint: where it comes from and the https rule with its loopback exception, or the missing /v1. */
export function baseUrlHint(baseUrl: string): string {
  if (lacksApiVersion(baseUrl)) return `Tellus base URLs end in /v1: did you mean ${withApiVersion(baseUrl)}?`
  return 'From the operator’s Tellus account, ending in /v1. It must start with https://; http:// is allowed only for this computer (localhost, 127.0.0.1, e.g. the local simulator).'
}

/** The "API base URL" field of the profile forms: monospace, with the https / missing-/v1 hint. */
export function BaseUrlField({ id, value, onValue, problem }: Pick<ProfileFieldProps, 'id' | 'value' | 'onValue' | 'problem'>) {
  return (
    <ProfileField
      id={id}
      label="API base URL"
      className="mono"
      value={value}
      onValue={onValue}
      placeholder={BASE_URL_PLACEHOLDER}
      hint={baseUrlHint(value)}
      problem={problem}
      type="url"
      spellCheck={false}
      autoComplete="off"
    />
  )
}

/** The "Client ID" field of the profile forms: monospace, with an optional hint. */
export function ClientIdField({ id, value, onValue, problem, hint }: Pick<ProfileFieldProps, 'id' | 'value' | 'onValue' | 'problem' | 'hint'>) {
  return <ProfileField id={id} label="Client ID" className="mono" value={value} onValue={onValue} hint={hint} problem={problem} spellCheck={false} autoComplete="off" />
}
