import { useId, useState } from 'react'
import { formatCount } from '@common/format/number'
import { RECORD_SEARCH_DAYS, type RecordDevice, type RecordDeviceSearch, type RecordSearchDays } from '@common/visits/charging-record-devices'
import { Age } from '@renderer/components/age'
import { Button } from '@renderer/components/button'
import { ErrorPanel } from '@renderer/components/error-panel'
import { errorTitle } from '@renderer/components/error-title'
import { Loading } from '@renderer/components/spinner'
import { useAppStore } from '@renderer/store/store-context'

const plural = (count: number, noun: string) => `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`
const dayWords = (days: number) => (days === 1 ? 'the last day' : `the last ${days} days`)

/** What the search read, in words: records, pages, and what it left out. */
function searchSummary(search: RecordDeviceSearch, fresh: number): string {
  const found = `${plural(search.devices.length, 'charger')} in ${plural(search.recordsRead, 'charging record')} of ${dayWords(search.days)}`
  const listed = search.devices.length - fresh
  const parts = [`Found ${found} (${plural(search.pages, 'read')}).`]
  if (listed > 0) parts.push(`${formatCount(listed)} already on the list.`)
  if (search.truncated) parts.push(`Only the first ${formatCount(search.recordsRead)} of ${formatCount(search.recordsTotal)} records were read: choose fewer days to see every charger.`)
  if (search.badIds > 0) parts.push(`${plural(search.badIds, 'record')} named no valid device id and were left out.`)
  return parts.join(' ')
}

/** One charger found: its id, sessions, newest session and (when a snapshot knows them) site and model. */
function RecordDeviceLabel({ device }: { device: RecordDevice }) {
  return (
    <>
      <span className="mono">{device.deviceId}</span>{' '}
      <span className="muted record-detail">
        {plural(device.sessions, 'session')} · last <Age at={device.lastSessionAt} />
        {device.siteId ? ` · ${device.siteId}` : ''}
        {device.model ? ` · ${device.model}` : ''}
      </span>
    </>
  )
}

/**
 * The chargers named in the operator's recent charging records (the one endpoint that lists
 * devices unasked): pick a range, search (a few paced reads), tick and add.
 */
export function RecordChoices({ listed, onAdd }: { listed: ReadonlySet<string>; onAdd: (ids: string[]) => void }) {
  const search = useAppStore((s) => s.recordSearch)
  const find = useAppStore((s) => s.searchRecordDevices)
  const [days, setDays] = useState<RecordSearchDays>(search.days)
  const [ticked, setTicked] = useState<string[]>([])
  const selectId = useId()
  const loading = search.status === 'loading'
  const fresh = search.result?.devices.filter((d) => !listed.has(d.deviceId)) ?? []
  const chosen = ticked.filter((id) => fresh.some((d) => d.deviceId === id))
  const allTicked = fresh.length > 0 && chosen.length === fresh.length

  return (
    <fieldset className="work-list-records" aria-busy={loading}>
      <legend>From charging records</legend>
      <div className="work-list-records-search">
        <label htmlFor={selectId}>Chargers that charged in</label>
        <select id={selectId} className="input" value={days} disabled={loading} onChange={(e) => setDays(Number(e.target.value) as RecordSearchDays)}>
          {RECORD_SEARCH_DAYS.map((d) => (
            <option key={d} value={d}>
              {dayWords(d)}
            </option>
          ))}
        </select>
        <Button size="small" icon="refresh" disabled={loading} onClick={() => void find(days).then(() => setTicked([]))}>
          {search.result ? 'Search again' : 'Search charging records'}
        </Button>
      </div>
      {loading ? <Loading>Reading the charging records of {dayWords(days)}…</Loading> : null}
      {search.status === 'error' && search.error ? (
        <ErrorPanel error={search.error} headingLevel={3} title={`Charging records not searched: ${errorTitle(search.error)}`} onRetry={() => void find(days)}>
          <span className="muted">Paste the work order or tick recent devices instead.</span>
        </ErrorPanel>
      ) : null}
      {search.result && !loading ? (
        <>
          <p className="field-hint" role="status">
            {searchSummary(search.result, fresh.length)}
          </p>
          {fresh.length > 0 ? (
            <>
              <ul aria-label="Chargers found in charging records">
                {fresh.map((device) => (
                  <li key={device.deviceId}>
                    <label>
                      <input
                        type="checkbox"
                        checked={chosen.includes(device.deviceId)}
                        onChange={(e) => setTicked(e.target.checked ? [...chosen, device.deviceId] : chosen.filter((id) => id !== device.deviceId))}
                      />{' '}
                      <RecordDeviceLabel device={device} />
                    </label>
                  </li>
                ))}
              </ul>
              <div className="work-list-buttons">
                <Button size="small" variant="ghost" onClick={() => setTicked(allTicked ? [] : fresh.map((d) => d.deviceId))}>
                  {allTicked ? 'Untick all' : `Tick all ${fresh.length}`}
                </Button>
                <Button
                  size="small"
                  disabled={chosen.length === 0}
                  onClick={() => {
                    onAdd(chosen)
                    setTicked([])
                  }}
                >
                  {chosen.length === 1 ? 'Add 1 charger from records' : `Add ${chosen.length} chargers from records`}
                </Button>
              </div>
            </>
          ) : null}
        </>
      ) : null}
    </fieldset>
  )
}
