import type { Finding } from '@common/diagnostics/finding'
import { formatExtensionValue } from '@common/format/extension-value'
import { formatTimestamp, parseTimestamp } from '@common/format/timestamp'
import { extensionValue, type ExtensionFieldSpec } from '@common/tellus/extension-fields'
import { Age } from '@renderer/components/age'
import { JumpLink } from '@renderer/components/jump-link'
import { StatusBadge } from '@renderer/components/status-badge'
import { VisuallyHidden } from '@renderer/components/visually-hidden'
import type { ExtensionMarks } from './extension-marks'

/** A time value: local time with its zone and a live age; text that is not a date-time as it came. */
function TimeValue({ value }: { value: string | number }) {
  if (parseTimestamp(value) === undefined) return <span>{String(value)}</span>
  return (
    <>
      {formatTimestamp(value, { offset: true })}{' '}
      <span className="extension-age">
        (<Age at={value} />)
      </span>
    </>
  )
}

/** A value as text with its unit; an enum-like value the proposal does not list is marked as such. */
function FieldValue({ spec, value }: { spec: ExtensionFieldSpec; value: string | number | boolean }) {
  if (spec.isTime && typeof value !== 'boolean') return <TimeValue value={value} />
  const text = formatExtensionValue(value, spec.unit)
  if (spec.known && typeof value === 'string' && !spec.known.includes(value)) {
    return (
      <span className="extension-unlisted" title="Not a value the proposal lists; shown as received">
        {text}
        <VisuallyHidden> (unlisted value)</VisuallyHidden>
      </span>
    )
  }
  return <span>{text}</span>
}

/** Props of `ExtensionFacts`. */
export interface ExtensionFactsProps {
  specs: readonly ExtensionFieldSpec[]
  /** The object the specs' paths start from (the device, or one `component_health`). */
  source: unknown
  /** The path of `source` inside the device for finding marks: '' or 'component_health.'. */
  prefix: string
  marks: ExtensionMarks
  /** Fields already shown elsewhere (on a gauge), as paths inside `source`. */
  skip?: ReadonlySet<string>
  anchorOf: (finding: Finding) => string
  label?: string
}

/**
 * The reported extension values as a description list: label, value with its unit (times as local
 * time with zone and age), what it means, and the severity of a finding about it with a jump to it.
 * Values the charger does not report are left out; nothing renders when none is reported.
 */
export function ExtensionFacts({ specs, source, prefix, marks, skip, anchorOf, label }: ExtensionFactsProps) {
  const rows = specs.flatMap((spec) => {
    const key = spec.path.join('.')
    const value = extensionValue(source, spec)
    return skip?.has(key) || value === undefined || value === '' ? [] : [{ spec, key, value, finding: marks.get(`${prefix}${key}`) }]
  })
  if (rows.length === 0) return null
  return (
    <dl className="extension-facts" aria-label={label}>
      {rows.map(({ spec, key, value, finding }) => (
        <div key={key} className={finding ? `extension-fact extension-fact-${finding.severity}` : 'extension-fact'}>
          <dt>{spec.label}</dt>
          <dd className="extension-fact-value">
            <FieldValue spec={spec} value={value} />
            {finding ? (
              <>
                {' '}
                <StatusBadge kind="severity" value={finding.severity} className="badge-small" /> <JumpLink targetId={anchorOf(finding)}>See the finding</JumpLink>
              </>
            ) : null}
          </dd>
          <dd className="extension-fact-meaning">{spec.meaning}</dd>
        </div>
      ))}
    </dl>
  )
}
