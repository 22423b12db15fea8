import { useEffect } from 'react'
import type { Site } from '@common/tellus/schemas'
import { ErrorPanel } from '@renderer/components/error-panel'
import { Icon } from '@renderer/components/icon'
import { Panel } from '@renderer/components/panel'
import { Loading } from '@renderer/components/spinner'
import { useProfileInUse } from '@renderer/hooks/use-profile-in-use'
import { useAppStore } from '@renderer/store/store-context'

/** Connector counts of a site as badges with text ("5 idle", "3 charging", "2 fault"). */
function SiteSummary({ site }: { site: Site }) {
  const summary = site.status_summary
  if (!summary) return <span className="muted">No connector summary</span>
  const parts = [
    { key: 'idle', count: summary.idle, tone: 'neutral', icon: 'idle' },
    { key: 'charging', count: summary.charging, tone: 'active', icon: 'charging' },
    { key: 'fault', count: summary.fault, tone: 'crit', icon: 'critical' },
  ] as const
  return (
    <span className="site-summary">
      {parts.map((part) => (
        <span key={part.key} className={`badge badge-small tone-${part.count ? part.tone : 'neutral'}`}>
          <Icon name={part.icon} />
          <span>
            {part.count ?? '—'} {part.key}
          </span>
        </span>
      ))}
    </span>
  )
}

/**
 * The active profile's sites for orientation: name, address and connector summary. Sites carry
 * no device ids, so this says where to find one. The store reloads them when the profile in use changes.
 */
export function SitesPanel() {
  const sites = useAppStore((s) => s.sites)
  const status = useAppStore((s) => s.sitesStatus)
  const error = useAppStore((s) => s.sitesError)
  const loadSites = useAppStore((s) => s.loadSites)
  const ensureSitesFor = useAppStore((s) => s.ensureSitesFor)
  const profileId = useProfileInUse()?.id ?? null

  useEffect(() => {
    void ensureSitesFor(profileId)
  }, [ensureSitesFor, profileId])

  return (
    <Panel title="Sites" className="sites-panel">
      <p className="field-hint">Sites list no device ids; type the id from the work order.</p>
      {status === 'loading' && sites.length === 0 ? <Loading>Loading sites…</Loading> : null}
      {status === 'error' && error ? <ErrorPanel error={error} headingLevel={3} role="none" onRetry={() => void loadSites()} /> : null}
      {status === 'loaded' && sites.length === 0 ? <p>This profile has no sites.</p> : null}
      {sites.length > 0 ? (
        <ul className="site-list">
          {sites.map((site) => (
            <li key={site.site_id} className="site">
              <div className="site-name">
                <strong>{site.name}</strong> <span className="mono muted">{site.site_id}</span>
                {site.status && site.status !== 'active' ? <span className="badge badge-small tone-neutral">{site.status}</span> : null}
              </div>
              {site.address ? <div className="site-address">{site.address}</div> : null}
              <SiteSummary site={site} />
            </li>
          ))}
        </ul>
      ) : null}
    </Panel>
  )
}
