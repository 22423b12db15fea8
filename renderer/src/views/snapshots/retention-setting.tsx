import { useEffect, useState, type FormEvent } from 'react'
import type { AppError } from '@common/errors'
import { Button } from '@renderer/components/button'
import { ErrorPanel } from '@renderer/components/error-panel'
import { useAppStore } from '@renderer/store/store-context'
import { RETENTION_MAX, RETENTION_MIN } from '@common/snapshots/snapshot-retention'
import { parseRetention } from './retention'

/** The "snapshots kept per device" setting, validated 1–10000 before it is sent. */
export function RetentionSetting() {
  const settings = useAppStore((s) => s.snapshotSettings)
  const loadError = useAppStore((s) => s.snapshotSettingsError)
  const loadSettings = useAppStore((s) => s.loadSnapshotSettings)
  const saveRetention = useAppStore((s) => s.saveSnapshotRetention)
  const [text, setText] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [saveError, setSaveError] = useState<AppError | null>(null)
  const [saved, setSaved] = useState<number | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (settings === null) void loadSettings()
  }, [settings, loadSettings])

  if (settings === null) {
    return loadError ? <ErrorPanel headingLevel={2} error={loadError} onRetry={() => void loadSettings()} /> : <p className="muted">Loading the retention setting…</p>
  }

  const value = text ?? String(settings.snapshotRetention)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const parsed = parseRetention(value)
    setSaved(null)
    setSaveError(null)
    if (!parsed.ok) {
      setProblem(parsed.problem)
      return
    }
    setProblem(null)
    setBusy(true)
    const result = await saveRetention(parsed.value)
    setBusy(false)
    if (result.ok) {
      setText(null)
      setSaved(result.value.snapshotRetention)
    } else setSaveError(result.error)
  }

  return (
    <form className="retention-setting" aria-label="Snapshot retention" onSubmit={(e) => void submit(e)} noValidate>
      <div className="field">
        <label htmlFor="snapshot-retention">Snapshots kept per device</label>
        <div className="retention-row">
          <input
            id="snapshot-retention"
            className="input input-number"
            type="number"
            inputMode="numeric"
            min={RETENTION_MIN}
            max={RETENTION_MAX}
            step={1}
            value={value}
            aria-invalid={problem !== null || undefined}
            aria-describedby={problem !== null ? 'snapshot-retention-hint snapshot-retention-problem' : 'snapshot-retention-hint'}
            onChange={(e) => {
              setText(e.target.value)
              setSaved(null)
            }}
          />
          <Button type="submit" busy={busy}>
            Save
          </Button>
        </div>
        <p id="snapshot-retention-hint" className="field-hint">
          The newest {RETENTION_MIN}–{RETENTION_MAX} snapshots of each charger are kept; older ones are deleted when a new one is stored.
        </p>
        {problem !== null ? (
          <p id="snapshot-retention-problem" className="field-error">
            {problem}
          </p>
        ) : null}
      </div>
      <p role="status" className="retention-outcome">
        {saved !== null ? `Saved: the newest ${saved} snapshots of each charger are kept.` : null}
      </p>
      {saveError ? <ErrorPanel headingLevel={2} error={saveError} /> : null}
    </form>
  )
}
