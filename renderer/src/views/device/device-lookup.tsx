import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { describeCorrections, readDeviceIdInput } from '@common/devices/device-id-text'
import { Button } from '@renderer/components/button'
import { ShortcutList } from '@renderer/components/keyboard-shortcut'
import { LOOKUP_SHORTCUTS } from '@renderer/hooks/use-lookup-shortcut'
import { useAppStore } from '@renderer/store/store-context'
import { helpFor, LookupHelp, type LookupHelpState } from './lookup-help'
import './lookup.css'

/**
 * The device lookup form: what is typed or pasted (an upper-case id, an id without `dvc_`, a line
 * of a work order) is read into one id and fetched, or answered with a suggestion or the reason it
 * is not an id. Shows the shortcut hint; focuses itself when the global shortcut asks for it.
 * (Recent devices are on the start screen, so a looked-up charger's verdict sits right under the box.)
 */
export function DeviceLookup() {
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
