/** The "What to do: …" line under an error, a finding or a notice: the action it asks of the technician. */
export function WhatToDo({ action, className }: { action: string; className?: string }) {
  return (
    <p className={className}>
      <strong>What to do: </strong>
      {action}
    </p>
  )
}
