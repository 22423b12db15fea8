/**
 * The device view: the lookup form and, under it, what the lookup answered (the device, live or an
 * offline copy, a designed loading or error state, or the start screen), announced once.
 */
import { Suspense, useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { describeCorrections, readDeviceIdInput } from '@common/devices/device-id-text'
import { Button } from '@renderer/components/button'
import { errorTitle } from '@renderer/components/error-title'
import { ShortcutList } from '@renderer/components/keyboard-shortcut'
import { lazyComponent } from '@renderer/components/lazy-component'
import { LOOKUP_SHORTCUTS } from '@renderer/hooks/use-lookup-shortcut'
import { useAppStore } from '@renderer/store/store-context'
import { RESULT_ID, VERDICT_ID } from './device-anchors'
import { DeviceErrorState } from './device-error-state'
import { DeviceLoading } from './device-loading'
import { helpFor, LookupHelp, type LookupHelpState } from './lookup-help'
import { StartScreen } from './start-screen'
import './lookup.css'

/** The device detail and the verdict's announcement: loaded after the first screen (they carry the diagnostics). */
const DeviceDetail = lazyComponent(() => import('./device-detail'), 'DeviceDetail')
const VerdictAnnouncement = lazyComponent(() => import('./verdict-announcement'), 'VerdictAnnouncement')

/**
 * The device lookup form: what is typed or pasted (an upper-case id, an id without `dvc_`, a line
 * of a work order) is read into one id and fetched, or answered with a suggestion or the reason it
 * is not an id. Shows the shortcut hint; focuses itself when the global shortcut asks for it.
 * (Recent devices are on the start screen, so a looked-up charger's verdict sits right under the box.)
 */
function DeviceLookup() {
  const query = useAppStore((s) => s.deviceQuery)
  const setQuery = useAppStore((s) => s.setDeviceQuery)
  const fetchDevice = useAppStore((s) => s.fetchDevice)
  const loading = useAppStore((s) => s.deviceStatus === 'loading')
  const focusRequested = useAppStore((s) => s.lookupFocusRequested)
  const clearFocusRequest = useAppStore((s) => s.clearLookupFocusRequest)
  const [help, setHelp] = useState<LookupHelpState>({ kind: 'none' })
  const inputRef = useRef<HTMLInputElement>(null)
  const inputId = useId()
  const hintId = useId()
  const helpId = useId()

  useEffect(() => {
    if (!focusRequested) return
    inputRef.current?.focus()
    inputRef.current?.select()
    clearFocusRequest()
  }, [focusRequested, clearFocusRequest])

  const lookUp = (deviceId: string) => {
    setQuery(deviceId)
    void fetchDevice(deviceId)
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const reading = readDeviceIdInput(query)
    setHelp(helpFor(reading, describeCorrections))
    if (reading.kind === 'id') lookUp(reading.deviceId)
    else inputRef.current?.focus()
  }

  const invalid = help.kind === 'problem' || help.kind === 'suggestion'
  return (
    <form className="lookup" role="search" aria-label="Device lookup" onSubmit={onSubmit} noValidate>
      <label htmlFor={inputId} className="lookup-label">
        Device id
      </label>
      <div className="lookup-row">
        <input
          ref={inputRef}
          id={inputId}
          className="input lookup-input"
          type="text"
          inputMode="text"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          placeholder="dvc_a1b2c3d4e5f6"
          value={query}
          aria-invalid={invalid}
          aria-describedby={help.kind === 'none' ? hintId : `${helpId} ${hintId}`}
          onChange={(event) => {
            setQuery(event.target.value)
            if (help.kind !== 'none') setHelp({ kind: 'none' })
          }}
        />
        <Button type="submit" variant="primary" icon="search" busy={loading}>
          Look up
        </Button>
      </div>
      <LookupHelp
        help={help}
        id={helpId}
        onChoose={(deviceId) => {
          setHelp({ kind: 'none' })
          lookUp(deviceId)
        }}
      />
      <p id={hintId} className="field-hint">
        Type or paste the id, or a line of the work order, and press Enter. <ShortcutList shortcuts={LOOKUP_SHORTCUTS} /> jumps here from anywhere.
      </p>
    </form>
  )
}

/** What the body of the device view shows, below the lookup. */
function DeviceBody() {
  const current = useAppStore((s) => s.current)
  const status = useAppStore((s) => s.deviceStatus)
  const error = useAppStore((s) => s.deviceError)
  const requested = useAppStore((s) => s.requestedDeviceId)
  // Refreshing the device on screen keeps it visible; looking up another one shows the loading state.
  if (status === 'loading' && requested !== null && current?.snapshot.deviceId !== requested) return <DeviceLoading deviceId={requested} />
  if (status === 'error' && error) return <DeviceErrorState error={error} />
  if (current) {
    return (
      <Suspense fallback={<DeviceLoading deviceId={current.snapshot.deviceId} />}>
        <DeviceDetail current={current} />
      </Suspense>
    )
  }
  return <StartScreen />
}

/** A polite live region that says the outcome of each lookup once (not on every clock tick). */
function LookupAnnouncer() {
  const current = useAppStore((s) => s.current)
  const error = useAppStore((s) => s.deviceError)
  return (
    <p className="visually-hidden" role="status" aria-live="polite">
      {current ? (
        <Suspense fallback={null}>
          <VerdictAnnouncement current={current} />
        </Suspense>
      ) : error ? (
        `Lookup failed: ${errorTitle(error)}.`
      ) : null}
    </p>
  )
}

/** After a lookup that shows something new, scrolls the result to the top and focuses the verdict. */
function useRevealResult() {
  const pending = useAppStore((s) => s.revealPending)
  const resultRevealed = useAppStore((s) => s.resultRevealed)
  useEffect(() => {
    if (!pending) return
    document.getElementById(RESULT_ID)?.scrollIntoView?.({ block: 'start' })
    const target = document.getElementById(VERDICT_ID) ?? document.getElementById(RESULT_ID)
    target?.focus({ preventScroll: true })
    resultRevealed()
  }, [pending, resultRevealed])
}

/** The device view: lookup, then the device (live or offline copy), a designed state, or the start screen. */
export function DeviceView() {
  const loadRecentDevices = useAppStore((s) => s.loadRecentDevices)
  useEffect(() => {
    void loadRecentDevices()
  }, [loadRecentDevices])
  useRevealResult()
  return (
    <section className="view device-view" aria-labelledby="device-view-title">
      <h1 id="device-view-title" className="visually-hidden">
        Device
      </h1>
      <DeviceLookup />
      <LookupAnnouncer />
      <div id={RESULT_ID} className="device-body" tabIndex={-1}>
        <DeviceBody />
      </div>
    </section>
  )
}
