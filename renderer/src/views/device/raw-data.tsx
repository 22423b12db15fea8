import { useMemo, useState } from 'react'
import { Button } from '@renderer/components/button'
import { Panel } from '@renderer/components/panel'
import { useAppStore } from '@renderer/store/store-context'

type CopyState = { status: 'idle' } | { status: 'copied' } | { status: 'failed'; reason: string }

/** The raw `data` of the response as formatted JSON, with a Copy button (through main's clipboard) that reports its outcome. */
export function RawData({ data }: { data: unknown }) {
  const json = useMemo(() => JSON.stringify(data, null, 2) ?? 'null', [data])
  const [copy, setCopy] = useState<CopyState>({ status: 'idle' })
  const copyText = useAppStore((s) => s.copyText)

  const onCopy = async () => {
    const result = await copyText(json)
    setCopy(result.ok ? { status: 'copied' } : { status: 'failed', reason: result.error.message.replace(/\.$/, '') })
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
