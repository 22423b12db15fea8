import { useState, type FormEvent } from 'react'
import { DeviceIdSchema } from '@common/devices/device-id'
import { Button } from '@renderer/components/button'
import type { SnapshotFilter } from '@renderer/store/snapshots-slice'

/** Props of `SnapshotFilters`. */
export interface SnapshotFiltersProps {
  filter: SnapshotFilter
  onApply: (filter: SnapshotFilter) => void
}

/** The device id problem, in words, or null when the id is empty or well-formed. */
export function deviceIdProblem(deviceId: string): string | null {
  if (deviceId.trim() === '') return null
  const parsed = DeviceIdSchema.safeParse(deviceId)
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Not a device id.')
}

/** Filter inputs for device id and site id; Enter applies, "Show all" clears. */
export function SnapshotFilters({ filter, onApply }: SnapshotFiltersProps) {
  const [deviceId, setDeviceId] = useState(filter.deviceId)
  const [siteId, setSiteId] = useState(filter.siteId)
  const [problem, setProblem] = useState<string | null>(null)

  // Keep the inputs in step when the filter changes elsewhere ("History" on a row).
  const [shown, setShown] = useState(filter)
  if (shown !== filter) {
    setShown(filter)
    setDeviceId(filter.deviceId)
    setSiteId(filter.siteId)
    setProblem(null)
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const issue = deviceIdProblem(deviceId)
    setProblem(issue)
    if (issue === null) onApply({ deviceId: deviceId.trim(), siteId: siteId.trim() })
  }

  const filtered = filter.deviceId !== '' || filter.siteId !== ''
  return (
    <form className="snapshot-filters" role="search" aria-label="Filter snapshots" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor="snapshot-filter-device">Device id</label>
        <input
          id="snapshot-filter-device"
          className="input mono"
          value={deviceId}
          placeholder="dvc_a1b2c3d4e5f6"
          spellCheck={false}
          autoComplete="off"
          aria-invalid={problem !== null || undefined}
          aria-describedby={problem !== null ? 'snapshot-filter-device-problem' : undefined}
          onChange={(e) => setDeviceId(e.target.value)}
        />
        {problem !== null ? (
          <p id="snapshot-filter-device-problem" className="field-error">
            {problem}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="snapshot-filter-site">Site id</label>
        <input
          id="snapshot-filter-site"
          className="input mono"
          value={siteId}
          placeholder="site_…"
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => setSiteId(e.target.value)}
        />
      </div>
      <div className="snapshot-filters-buttons">
        <Button type="submit" variant="primary" icon="search">
          Filter
        </Button>
        {filtered ? <Button onClick={() => onApply({ deviceId: '', siteId: '' })}>Show all</Button> : null}
      </div>
    </form>
  )
}
