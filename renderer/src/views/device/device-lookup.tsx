import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { DeviceIdSchema } from '@common/tellus/schemas'
import { Button } from '@renderer/components/button'
import { ShortcutList } from '@renderer/components/keyboard-shortcut'
import { LOOKUP_SHORTCUTS } from '@renderer/hooks/use-lookup-shortcut'
import { useAppStore } from '@renderer/store/store-context'
import { RecentDevices } from './recent-devices'

/** Checks a typed device id; returns the trimmed id or the message to show. */
export function validateDeviceId(input: string): { ok: true; deviceId: string } | { ok: false; message: string } {
  if (input.trim() === '') return { ok: false, message: 'Type a device id, e.g. dvc_a1b2c3d4e5f6.' }
  const parsed = DeviceIdSchema.safeParse(input)
  if (parsed.success) return { ok: true, deviceId: parsed.data }
  return { ok: false, message: parsed.error.issues[0]?.message ?? 'That is not a device id.' }
}

/**
 * The device lookup form: a validated device id field (Enter fetches), the shortcut hint and the
 * recent devices. It focuses itself when the global shortcut asks for it.
 */
export function DeviceLookup() {
  const query = useAppStore((s) => s.deviceQuery)
  const setQuery = useAppStore((s) => s.setDeviceQuery)
  const fetchDevice = useAppStore((s) => s.fetchDevice)
  const loading = useAppStore((s) => s.deviceStatus === 'loading')
  const focusRequested = useAppStore((s) => s.lookupFocusRequested)
  const clearFocusRequest = useAppStore((s) => s.clearLookupFocusRequest)
  const [invalid, setInvalid] = useState<string | null>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  const inputId = useId()
  const hintId = useId()
  const errorId = useId()

  useEffect(() => {
    if (!focusRequested) return
    inputRef.current?.focus()
    inputRef.current?.select()
    clearFocusRequest()
  }, [focusRequested, clearFocusRequest])

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const checked = validateDeviceId(query)
    if (!checked.ok) {
      setInvalid(checked.message)
      inputRef.current?.focus()
      return
    }
    setInvalid(null)
    setQuery(checked.deviceId)
    void fetchDevice(checked.deviceId)
  }

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
          aria-invalid={invalid !== null}
          aria-describedby={invalid === null ? hintId : `${errorId} ${hintId}`}
          onChange={(event) => {
            setQuery(event.target.value)
            if (invalid !== null) setInvalid(null)
          }}
        />
        <Button type="submit" variant="primary" icon="search" busy={loading}>
          Look up
        </Button>
      </div>
      {invalid !== null ? (
        <p id={errorId} className="field-error" role="alert">
          {invalid}
        </p>
      ) : null}
      <p id={hintId} className="field-hint">
        Type or paste the id from the work order and press Enter. <ShortcutList shortcuts={LOOKUP_SHORTCUTS} /> jumps here from anywhere.
      </p>
      <RecentDevices />
    </form>
  )
}
