import { useEffect, useState } from 'react'
import type { Result } from '@common/errors'
import { Button } from '@renderer/components/button'
import { useAppStore } from '@renderer/store/store-context'

type SupportOutcome = { status: 'idle' } | { status: 'done'; message: string } | { status: 'failed'; message: string }

/** About Tellus Field: version, runtime, where its data and log live, and support actions (from the main process). */
export function AboutView() {
  const info = useAppStore((s) => s.appInfo)
  const error = useAppStore((s) => s.appInfoError)
  const load = useAppStore((s) => s.loadAppInfo)
  const copyDiagnostics = useAppStore((s) => s.copyDiagnostics)
  const openLogsFolder = useAppStore((s) => s.openLogsFolder)
  const [outcome, setOutcome] = useState<SupportOutcome>({ status: 'idle' })
  useEffect(() => {
    void load()
  }, [load])

  const run = async (action: () => Promise<Result<void>>, done: string) => {
    const result = await action()
    setOutcome(result.ok ? { status: 'done', message: done } : { status: 'failed', message: `${result.error.message} ${result.error.action ?? ''}`.trim() })
  }

  return (
    <section className="view about-view" aria-labelledby="about-title">
      <h1 id="about-title">About Tellus Field</h1>
      <p className="lead">Charger detail, firmware and connector diagnostics for Tellus chargers, with every fetch kept on this computer for offline use.</p>
      {error && (
        <p role="alert" className="inline-error">
          {error.message} {error.action}
        </p>
      )}
      {!info && !error && <p aria-live="polite">Loading app information…</p>}
      {info && (
        <dl className="about-facts" data-testid="app-info">
          <dt>Version</dt>
          <dd>{info.version}</dd>
          <dt>Platform</dt>
          <dd>
            {info.platform} ({info.arch})
          </dd>
          <dt>Electron</dt>
          <dd>{info.versions.electron ?? 'not running under Electron (browser shell)'}</dd>
          <dt>Chromium</dt>
          <dd>{info.versions.chrome ?? 'unknown'}</dd>
          <dt>Node.js</dt>
          <dd>{info.versions.node}</dd>
          <dt>Data folder</dt>
          <dd>
            <code>{info.paths.userData}</code>
          </dd>
          <dt>Offline snapshots</dt>
          <dd>
            <code>{info.paths.snapshots}</code>
          </dd>
          <dt>Log files</dt>
          <dd>
            <code>{info.paths.logs}</code>
          </dd>
        </dl>
      )}
      <section className="about-support" aria-labelledby="about-support-title">
        <h2 id="about-support-title">Support</h2>
        <p>For an escalation, copy the diagnostics (versions, folders, keychain state and the latest log lines, never secrets) into the ticket, or attach the log files.</p>
        <div className="about-support-actions">
          <Button icon="copy" onClick={() => void run(copyDiagnostics, 'Copied the diagnostics to the clipboard.')}>
            Copy diagnostics
          </Button>
          <Button onClick={() => void run(openLogsFolder, 'Opened the logs folder.')}>Open logs folder</Button>
        </div>
        <p className={outcome.status === 'failed' ? 'copy-outcome copy-failed' : 'copy-outcome'} role="status" aria-live="polite">
          {outcome.status === 'idle' ? null : outcome.message}
        </p>
      </section>
    </section>
  )
}
