import { useEffect } from 'react'
import { useAppStore } from '@renderer/store/store-context'

/** About Tellus Field: version, runtime and where its data lives (from the main process). */
export function AboutView() {
  const info = useAppStore((s) => s.appInfo)
  const error = useAppStore((s) => s.appInfoError)
  const load = useAppStore((s) => s.loadAppInfo)
  useEffect(() => {
    void load()
  }, [load])

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
        </dl>
      )}
    </section>
  )
}
