import { useEffect } from 'react'
import { useAppStoreApi } from '../store/store-context'

/** The keys that focus device lookup, as shown in hints. */
export const LOOKUP_SHORTCUTS: readonly (readonly string[])[] = [['Ctrl', 'K'], ['/']]

const NON_TEXT_INPUT_TYPES = new Set(['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image'])

/** True when a key press lands in something the user types into (so "/" must stay a character). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  if (target instanceof HTMLInputElement) return !NON_TEXT_INPUT_TYPES.has(target.type)
  return false
}

/** True for Ctrl+K / ⌘K anywhere, and "/" when the user is not typing in a field. */
export function isLookupShortcut(event: KeyboardEvent): boolean {
  if (event.altKey) return false
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') return true
  return event.key === '/' && !event.ctrlKey && !event.metaKey && !isTypingTarget(event.target)
}

/**
 * Installs the global lookup shortcut: it switches to the device view and asks the lookup field to
 * focus itself. Mount once, in a component that is always on screen.
 */
export function useLookupShortcut(): void {
  const store = useAppStoreApi()
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !isLookupShortcut(event)) return
      event.preventDefault()
      const state = store.getState()
      state.setView('device')
      state.requestLookupFocus()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [store])
}
