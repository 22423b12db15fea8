import { useState } from 'react'
import type { AppError } from '@common/errors'
import { Button } from '@renderer/components/button'
import { ErrorPanel } from '@renderer/components/error-panel'
import { useAppStore } from '@renderer/store/store-context'

/** Props of `ExportButtons`. */
export interface ExportButtonsProps {
  /** One snapshot id exports that snapshot; two (older first) export a comparison. */
  ids: [string] | [string, string]
  /** What is exported, for the buttons' names ("snapshot", "comparison"). Defaults from `ids`. */
  subject?: string
  /** Adds the device's charging history kept on disk to the export. */
  includeHistory?: boolean
}

type ExportState =
  | { status: 'idle' }
  | { status: 'busy'; format: 'json' | 'html' }
  | { status: 'saved'; path: string }
  | { status: 'cancelled' }
  | { status: 'error'; error: AppError }

/**
 * "Export JSON" and "Export HTML report" for a snapshot or a comparison. Main shows the save
 * dialog; the outcome ("Saved to …", cancelled, or the error) is announced next to the buttons.
 */
export function ExportButtons({ ids, subject, includeHistory }: ExportButtonsProps) {
  const exportSnapshots = useAppStore((s) => s.exportSnapshots)
  const [state, setState] = useState<ExportState>({ status: 'idle' })
  const what = subject ?? (ids.length === 2 ? 'comparison' : 'snapshot')

  const run = async (format: 'json' | 'html') => {
    setState({ status: 'busy', format })
    const result = await exportSnapshots(includeHistory ? { ids, format, includeHistory } : { ids, format })
    if (!result.ok) setState({ status: 'error', error: result.error })
    else if (result.value.saved) setState({ status: 'saved', path: result.value.path })
    else setState({ status: 'cancelled' })
  }

  const busy = state.status === 'busy'
  return (
    <div className="export-buttons" role="group" aria-label={`Export ${what}`}>
      <div className="export-buttons-row">
        <Button onClick={() => void run('json')} disabled={busy} busy={busy && state.format === 'json'}>
          Export {what} as JSON
        </Button>
        <Button onClick={() => void run('html')} disabled={busy} busy={busy && state.format === 'html'}>
          Export {what} as HTML report
        </Button>
      </div>
      <p className="export-outcome" role="status">
        {state.status === 'busy' ? 'Choose where to save…' : null}
        {state.status === 'saved' ? (
          <>
            Saved to <code className="export-path">{state.path}</code>
          </>
        ) : null}
        {state.status === 'cancelled' ? 'Export cancelled: nothing was saved.' : null}
      </p>
      {state.status === 'error' ? <ErrorPanel headingLevel={2} error={state.error} /> : null}
    </div>
  )
}
