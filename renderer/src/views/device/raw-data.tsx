import { useMemo, useState } from 'react'
import { Button } from '@renderer/components/button'
import { Panel } from '@renderer/components/panel'

type CopyState = { status: 'idle' } | { status: 'copied' } | { status: 'failed'; reason: string }

/** The raw `data` of the response as formatted JSON, with a Copy button that reports its outcome. */
export function RawData({ data }: { data: unknown }) {
  const json = useMemo(() => JSON.stringify(data, null, 2) ?? 'null', [data])
  const [copy, setCopy] = useState<CopyState>({ status: 'idle' })

  const onCopy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('the clipboard is not available here')
      await navigator.clipboard.writeText(json)
      setCopy({ status: 'copied' })
    } catch (error) {
      setCopy({ status: 'failed', reason: error instanceof Error ? error.message : String(error) })
    }
  }

  return (
    <Panel
      title="Raw data"
      className="raw-data"
      actions={
        <Button icon="copy" onClick={() => void onCopy()}>
          Copy JSON
        </Button>
      }
    >
      <p className={copy.status === 'failed' ? 'copy-outcome copy-failed' : 'copy-outcome'} role="status" aria-live="polite">
        {copy.status === 'copied' ? 'Copied the raw JSON to the clipboard.' : null}
        {copy.status === 'failed' ? `Could not copy: ${copy.reason}. Select the text below and copy it by hand.` : null}
      </p>
      <pre className="json" tabIndex={0} role="region" aria-label="Raw response data (JSON)">
        {json}
      </pre>
    </Panel>
  )
}
