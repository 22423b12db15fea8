import { useAppStore } from '@renderer/store/store-context'

/**
 * A site as a technician knows it: its name when the profile's sites are loaded (the id in the
 * tooltip), else the id. Never a bare "site_001" where the name is known.
 */
export function SiteLabel({ siteId }: { siteId: string }) {
  const name = useAppStore((s) => s.sites.find((site) => site.site_id === siteId)?.name ?? null)
  if (name === null) return <span className="mono">{siteId}</span>
  return <span title={siteId}>{name}</span>
}
