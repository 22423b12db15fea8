import { useState, type FormEvent } from 'react'
import type { AppError } from '@common/errors'
import { VISIT_TEXT_LIMITS } from '@common/visits/visit-schemas'
import { Button } from '@renderer/components/button'
import { useAppStore } from '@renderer/store/store-context'

/** Creates a visit: a name (required), the site and notes; opens it once created. */
export function VisitForm() {
  const createVisit = useAppStore((s) => s.createVisit)
  const [name, setName] = useState('')
  const [site, setSite] = useState('')
  const [notes, setNotes] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (name.trim() === '') {
      setProblem('Give the visit a name (e.g. the work order number).')
      return
    }
    setProblem(null)
    setBusy(true)
    const result = await createVisit({ name: name.trim(), site: site.trim(), notes: notes.trim() })
    setBusy(false)
    setError(result.ok ? null : result.error)
  }

  return (
    <form className="visit-form" aria-label="New visit" onSubmit={(e) => void submit(e)} noValidate>
      <div className="field">
        <label htmlFor="visit-name">Name</label>
        <input
          id="visit-name"
          className="input"
          value={name}
          maxLength={VISIT_TEXT_LIMITS.name}
          placeholder="WO-48213 Level -2 car park"
          aria-invalid={problem !== null || undefined}
          aria-describedby={problem !== null ? 'visit-name-problem' : undefined}
          onChange={(e) => setName(e.target.value)}
        />
        {problem !== null ? (
          <p id="visit-name-problem" className="field-error">
            {problem}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="visit-site">Site</label>
        <input id="visit-site" className="input" value={site} maxLength={VISIT_TEXT_LIMITS.site} placeholder="North depot" onChange={(e) => setSite(e.target.value)} />
      </div>
      <div className="field visit-notes-field">
        <label htmlFor="visit-notes">Notes</label>
        <textarea id="visit-notes" className="input" rows={2} value={notes} maxLength={VISIT_TEXT_LIMITS.notes} onChange={(e) => setNotes(e.target.value)} />
      </div>
      <div className="visit-form-buttons">
        <Button type="submit" variant="primary" busy={busy}>
          Create visit
        </Button>
      </div>
      {error ? (
        <p className="inline-error" role="alert">
          {error.message} {error.action ?? ''}
        </p>
      ) : null}
    </form>
  )
}
