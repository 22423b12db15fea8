import { useId, useState } from 'react'
import type { Runbook } from '@common/diagnostics/runbooks'
import { RUNBOOK_NOTE_LIMIT } from '@common/runbooks/runbook-session'
import { Button } from '@renderer/components/button'
import { useAppStore } from '@renderer/store/store-context'

/**
 * Escalate to L2: the items the runbook asks for. The app fills firmware, temperatures, connectors
 * in fault and every step's evidence itself; the technician types the rest (photos, vehicle, …).
 */
export function EscalationForm({ runbook }: { runbook: Runbook }) {
  const escalate = useAppStore((s) => s.escalateRunbook)
  const busy = useAppStore((s) => s.runbookBusy === 'escalating')
  const step = runbook.steps.find((s) => s.escalation)
  const items = step?.escalation?.attach ?? []
  const [typed, setTyped] = useState<Record<string, string>>({})
  const [note, setNote] = useState('')
  const baseId = useId()
  const automatic = items.filter((item) => item.source !== 'technician')
  return (
    <form
      className="runbook-escalation"
      onSubmit={(event) => {
        event.preventDefault()
        void escalate(typed, note.trim() || null)
      }}
    >
      {automatic.length ? (
        <p className="muted">The app attaches: {automatic.map((item) => item.label.toLowerCase()).join(', ')} (from the newest data and this session).</p>
      ) : null}
      {items
        .filter((item) => item.source === 'technician')
        .map((item, index) => (
          <div className="field" key={item.label}>
            <label htmlFor={`${baseId}-${index}`}>{item.label}</label>
            <textarea
              id={`${baseId}-${index}`}
              className="input"
              rows={2}
              maxLength={RUNBOOK_NOTE_LIMIT}
              value={typed[item.label] ?? ''}
              onChange={(event) => setTyped({ ...typed, [item.label]: event.target.value })}
            />
          </div>
        ))}
      <div className="field">
        <label htmlFor={`${baseId}-note`}>Note for L2 (optional)</label>
        <textarea id={`${baseId}-note`} className="input" rows={2} maxLength={RUNBOOK_NOTE_LIMIT} value={note} onChange={(event) => setNote(event.target.value)} />
      </div>
      <Button type="submit" variant="danger" icon="warning" busy={busy} disabled={busy}>
        Escalate to L2
      </Button>
    </form>
  )
}
