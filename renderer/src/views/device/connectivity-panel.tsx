import { useMemo } from 'react'
import type { Finding } from '@common/diagnostics/finding'
import { parseTimestamp } from '@common/format/timestamp'
import type { ExtensionIssue } from '@common/tellus/device-extensions'
import { CONNECTIVITY_FIELDS, extensionValue, LIFECYCLE_FIELDS, OCPP_FIELDS, PRODUCT_FIELDS, type ExtensionFieldSpec } from '@common/tellus/extension-fields'
import type { Device } from '@common/tellus/schemas'
import { Panel } from '@renderer/components/panel'
import { StatusBadge } from '@renderer/components/status-badge'
import { useClockValue } from '@renderer/hooks/use-now'
import { ExtensionFacts } from './extension-facts'
import { extensionMarks } from './extension-marks'
import { UnreadableValues } from './unreadable-values'

/** The groups of the panel, each a heading and its fields. */
const GROUPS: ReadonlyArray<{ title: string; specs: readonly ExtensionFieldSpec[] }> = [
  { title: 'OCPP and CSMS', specs: OCPP_FIELDS },
  { title: 'Network connection', specs: CONNECTIVITY_FIELDS },
  { title: 'Lifecycle and warranty', specs: LIFECYCLE_FIELDS },
  { title: 'Product', specs: PRODUCT_FIELDS },
]

const ALL_SPECS = GROUPS.flatMap((group) => group.specs)
const isConnectivityIssue = (issue: ExtensionIssue): boolean => !issue.path.startsWith('component_health') && !issue.path.startsWith('connectors[')

/** Warranty as a state (valid / expired) on the shared clock. */
function WarrantyState({ expiresAt }: { expiresAt: string | null | undefined }) {
  const end = parseTimestamp(expiresAt)
  const valid = useClockValue((now) => end !== undefined && end > now)
  if (end === undefined) return null
  return (
    <p className="warranty-state">
      Warranty: <StatusBadge kind="custom" className="badge-small" look={valid ? { tone: 'ok', icon: 'ok', label: 'In warranty', origin: 'documented' } : { tone: 'warn', icon: 'warning', label: 'Expired', origin: 'documented' }} />
    </p>
  )
}

/** Props of `ConnectivityPanel`. */
export interface ConnectivityPanelProps {
  device: Device
  findings: readonly Finding[]
  issues: readonly ExtensionIssue[]
  anchorOf: (finding: Finding) => string
}

/**
 * Connectivity and protocol (proposed extensions): OCPP version, CSMS message rate and last
 * message age, negotiated features, connection type and signal strength, lifecycle and warranty,
 * product. Rendered only when the charger reports any of them; unknown values shown verbatim.
 */
export function ConnectivityPanel({ device, findings, issues, anchorOf }: ConnectivityPanelProps) {
  const marks = useMemo(() => extensionMarks(findings, undefined), [findings])
  const own = useMemo(() => issues.filter(isConnectivityIssue), [issues])
  const reported = ALL_SPECS.some((spec) => extensionValue(device, spec) !== undefined)
  if (!reported && own.length === 0) return null
  return (
    <Panel title="Connectivity and protocol" className="connectivity-panel">
      <div className="extension-groups">
        {GROUPS.map(({ title, specs }) =>
          specs.some((spec) => extensionValue(device, spec) !== undefined) ? (
            <section key={title} className="extension-group" aria-label={title}>
              <h3 className="extension-group-title">{title}</h3>
              {specs === LIFECYCLE_FIELDS ? <WarrantyState expiresAt={device.lifecycle?.warranty_expires_at} /> : null}
              <ExtensionFacts specs={specs} source={device} prefix="" marks={marks} anchorOf={anchorOf} label={title} />
            </section>
          ) : null,
        )}
      </div>
      <UnreadableValues issues={own} />
    </Panel>
  )
}
