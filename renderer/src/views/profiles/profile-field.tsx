import type { InputHTMLAttributes } from 'react'

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
