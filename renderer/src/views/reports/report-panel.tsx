import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { AppError } from '@common/errors'
import { REPORT_FIELD_LIMITS, REPORT_PAGE_SIZES, type ReportFields, type ReportPageSize, type ReportScope } from '@common/reports/report-types'
import { Button } from '@renderer/components/button'
import { ErrorPanel } from '@renderer/components/error-panel'
import { Panel } from '@renderer/components/panel'
import { useAppStore } from '@renderer/store/store-context'
import './reports.css'

/** Props of `ReportPanel`. */
export interface ReportPanelProps {
  scope: ReportScope
  /** What the subject is called in the panel's title ("Depot North", "dvc_3f9a1c7e5b20"). */
  subject: string
  /** The fields to start from (the visit's remembered ones, else the last typed). */
  initialFields: ReportFields | null
  onClose: () => void
}

type SaveState =
  | { status: 'idle' }
  | { status: 'busy' }
  | { status: 'saved'; pdf: string }
  | { status: 'cancelled' }
  | { status: 'error'; error: AppError }

type Problems = Partial<Record<keyof ReportFields, string>>

const PAGE_SIZE_WORDS: Record<ReportPageSize, string> = { A4: 'A4 (210 × 297 mm)', Letter: 'Letter (8.5 × 11 in)' }

function checkFields(fields: ReportFields): Problems {
  const problems: Problems = {}
  if (fields.technician.trim() === '') problems.technician = "Enter the technician's name: it is printed on the report."
  if (fields.workOrder.trim() === '') problems.workOrder = 'Enter the work-order number: it names the report.'
  return problems
}

/**
 * The work-order report of a visit or a charger: technician and work-order number (remembered per
 * visit), paper size, and one Save that writes PDF, HTML and JSON side by side through the save
 * dialog. The outcome (saved where, cancelled, or the error in words) is announced under the button.
 */
export function ReportPanel({ scope, subject, initialFields, onClose }: ReportPanelProps) {
  const exportReport = useAppStore((s) => s.exportReport)
  const [fields, setFields] = useState<ReportFields>(initialFields ?? { technician: '', workOrder: '' })
  const [pageSize, setPageSize] = useState<ReportPageSize>('A4')
  const [problems, setProblems] = useState<Problems>({})
  const [state, setState] = useState<SaveState>({ status: 'idle' })
  const firstField = useRef<HTMLInputElement>(null)
  useEffect(() => firstField.current?.focus(), [])

  const save = async () => {
    const found = checkFields(fields)
    setProblems(found)
    if (Object.keys(found).length > 0) return
    setState({ status: 'busy' })
    const result = await exportReport({ scope, fields: { technician: fields.technician.trim(), workOrder: fields.workOrder.trim() }, pageSize })
    if (!result.ok) setState({ status: 'error', error: result.error })
    else setState(result.value.saved ? { status: 'saved', pdf: result.value.paths.pdf } : { status: 'cancelled' })
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    void save()
  }

  const field = (key: keyof ReportFields, label: string, placeholder: string, ref?: typeof firstField) => (
    <div className="field">
      <label htmlFor={`report-${key}`}>{label}</label>
      <input
        ref={ref}
        id={`report-${key}`}
        className="input"
        value={fields[key]}
        maxLength={REPORT_FIELD_LIMITS[key]}
        placeholder={placeholder}
        aria-invalid={problems[key] ? true : undefined}
        aria-describedby={problems[key] ? `report-${key}-problem` : undefined}
        onChange={(e) => setFields({ ...fields, [key]: e.target.value })}
      />
      {problems[key] ? (
        <p id={`report-${key}-problem`} className="field-error">
          {problems[key]}
        </p>
      ) : null}
    </div>
  )

  const busy = state.status === 'busy'
  return (
    <Panel
      title={`Work-order report: ${subject}`}
      className="report-panel"
      actions={
        <Button size="small" variant="ghost" onClick={onClose}>
          Close
        </Button>
      }
    >
      <form className="report-form" aria-label="Work-order report" onSubmit={submit} noValidate>
        {field('technician', 'Technician', 'Your name', firstField)}
        {field('workOrder', 'Work-order number', 'WO-48213')}
        <fieldset className="report-page-size">
          <legend>Paper size</legend>
          {REPORT_PAGE_SIZES.map((size) => (
            <label key={size} className="report-radio">
              <input type="radio" name="report-page-size" value={size} checked={pageSize === size} onChange={() => setPageSize(size)} /> {PAGE_SIZE_WORDS[size]}
            </label>
          ))}
        </fieldset>
        <div className="report-actions">
          <Button type="submit" variant="primary" busy={busy} disabled={busy}>
            {busy ? 'Building the report…' : 'Save report'}
          </Button>
          <p className="muted report-hint">One PDF for the work order, with the same report as HTML and as JSON (for machines) saved beside it.</p>
        </div>
      </form>
      <p className="report-outcome" role="status">
        {busy ? 'Building the report and printing the PDF; then choose where to save…' : null}
        {state.status === 'saved' ? (
          <>
            Saved <code className="export-path">{state.pdf}</code>, with the HTML and JSON beside it.
          </>
        ) : null}
        {state.status === 'cancelled' ? 'Report not saved: the save dialog was cancelled.' : null}
      </p>
      {state.status === 'error' ? <ErrorPanel headingLevel={3} title="The report was not saved" error={state.error} onRetry={() => void save()} /> : null}
    </Panel>
  )
}
