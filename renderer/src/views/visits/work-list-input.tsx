import { useMemo, useState } from 'react'
import { extractDeviceIds } from '@common/devices/device-id-text'
import type { AppError } from '@common/errors'
import type { VisitDeviceOrigin } from '@common/visits/visit-types'
import { Button } from '@renderer/components/button'
import { useAppStore } from '@renderer/store/store-context'
import { RecordChoices } from './record-choices'

/** What the last addition did, in words. */
function additionWords(added: number, alreadyListed: number): string {
  const parts = [added === 1 ? 'Added 1 charger' : `Added ${added} chargers`]
  if (alreadyListed > 0) parts.push(`${alreadyListed} already on the list`)
  return `${parts.join('; ')}.`
}

/** Recent devices (from the snapshot store) not yet on the work list, to tick and add. */
function RecentChoices({ listed, onAdd }: { listed: ReadonlySet<string>; onAdd: (ids: string[], origin: VisitDeviceOrigin) => void }) {
  const recent = useAppStore((s) => s.recentDevices).filter((m) => !listed.has(m.deviceId))
  const [ticked, setTicked] = useState<string[]>([])
  if (recent.length === 0) return null
  const chosen = ticked.filter((id) => recent.some((m) => m.deviceId === id))
  return (
    <fieldset className="work-list-recent">
      <legend>From recent devices</legend>
      <ul>
        {recent.slice(0, 20).map((meta) => (
          <li key={meta.deviceId}>
            <label>
              <input
                type="checkbox"
                checked={chosen.includes(meta.deviceId)}
                onChange={(e) => setTicked(e.target.checked ? [...chosen, meta.deviceId] : chosen.filter((id) => id !== meta.deviceId))}
              />{' '}
              <span className="mono">{meta.deviceId}</span> <span className="muted">{[meta.model, meta.siteId].filter(Boolean).join(' · ')}</span>
            </label>
          </li>
        ))}
      </ul>
      <Button
        size="small"
        disabled={chosen.length === 0}
        onClick={() => {
          onAdd(chosen, 'recent')
          setTicked([])
        }}
      >
        {chosen.length === 1 ? 'Add 1 recent device' : `Add ${chosen.length} recent devices`}
      </Button>
    </fieldset>
  )
}

/**
 * Fills the work list: paste a work order (free text or CSV; ids are found, normalised and
 * deduplicated, and every rejected candidate is listed with the reason), tick recent devices, or
 * tick chargers found in the operator's recent charging records.
 */
export function WorkListInput({ listed }: { listed: ReadonlySet<string> }) {
  const addDevices = useAppStore((s) => s.addDevicesToVisit)
  const [text, setText] = useState('')
  const [notice, setNotice] = useState<string | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const extracted = useMemo(() => extractDeviceIds(text), [text])
  const fresh = extracted.deviceIds.filter((id) => !listed.has(id))

  const add = async (deviceIds: string[], origin: VisitDeviceOrigin) => {
    if (deviceIds.length === 0) return
    const result = await addDevices(deviceIds, origin)
    if (result.ok) {
      setNotice(additionWords(result.value.added.length, result.value.alreadyListed.length))
      setError(null)
      if (origin === 'work-order') setText('')
    } else setError(result.error)
  }

  return (
    <div className="work-list-input">
      <div className="field">
        <label htmlFor="work-order-text">Paste the work order</label>
        <textarea
          id="work-order-text"
          className="input mono"
          rows={5}
          value={text}
          spellCheck={false}
          placeholder={'WO-48213  Bay 4  dvc_a1b2c3d4e5f6  fault F-0203\n…or a CSV export with a device column'}
          aria-describedby="work-order-found"
          onChange={(e) => setText(e.target.value)}
        />
        <p id="work-order-found" className="field-hint">
          {text.trim() === ''
            ? 'Device ids are found anywhere in the text, in any case, with or without the dvc_ prefix.'
            : `${extracted.deviceIds.length === 1 ? '1 device id' : `${extracted.deviceIds.length} device ids`} found${fresh.length < extracted.deviceIds.length ? ` (${extracted.deviceIds.length - fresh.length} already on the list)` : ''}.`}
        </p>
      </div>
      {extracted.rejected.length > 0 ? (
        <div className="work-list-rejected" role="group" aria-label="Not device ids">
          <p className="work-list-rejected-title">
            {extracted.rejected.length === 1 ? '1 entry is not a device id' : `${extracted.rejected.length} entries are not device ids`} and will not be added:
          </p>
          <ul>
            {extracted.rejected.map((r) => (
              <li key={r.text}>
                <span className="mono">{r.text}</span>: {r.reason}
                {r.suggestion ? (
                  <>
                    {' '}
                    (did you mean <span className="mono">{r.suggestion}</span>?)
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="work-list-buttons">
        <Button variant="primary" disabled={fresh.length === 0} onClick={() => void add(fresh, 'work-order')}>
          {fresh.length === 1 ? 'Add 1 charger' : `Add ${fresh.length} chargers`}
        </Button>
      </div>
      <RecentChoices listed={listed} onAdd={(ids, origin) => void add(ids, origin)} />
      <RecordChoices listed={listed} onAdd={(ids) => void add(ids, 'charging-records')} />
      <p className="ok-notice work-list-notice" role="status">
        {notice}
      </p>
      {error ? (
        <p className="inline-error" role="alert">
          {error.message} {error.action ?? ''}
        </p>
      ) : null}
    </div>
  )
}
