import { Fragment } from 'react'

/** Keys of one shortcut shown as `<kbd>` caps, e.g. Ctrl + K. */
export function KeyboardShortcut({ keys }: { keys: readonly string[] }) {
  return (
    <kbd className="kbd-combo">
      {keys.map((key, index) => (
        <Fragment key={key}>
          {index > 0 ? <span className="kbd-plus">+</span> : null}
          <kbd className="kbd">{key}</kbd>
        </Fragment>
      ))}
    </kbd>
  )
}

/** Several alternative shortcuts: "Ctrl + K or /". */
export function ShortcutList({ shortcuts }: { shortcuts: readonly (readonly string[])[] }) {
  return (
    <span className="shortcut-list">
      {shortcuts.map((keys, index) => (
        <Fragment key={keys.join('+')}>
          {index > 0 ? ' or ' : null}
          <KeyboardShortcut keys={keys} />
        </Fragment>
      ))}
    </span>
  )
}
