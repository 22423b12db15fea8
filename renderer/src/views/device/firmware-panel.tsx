import { compareFirmware, type FirmwareComparison } from '@common/diagnostics/firmware'
import type { Device } from '@common/tellus/schemas'
import { Button } from '@renderer/components/button'
import { Panel } from '@renderer/components/panel'
import { StatusBadge } from '@renderer/components/status-badge'
import type { StatusLook } from '@renderer/components/status-look'
import { useAppStore } from '@renderer/store/store-context'
import { WhatToDo } from '@renderer/components/what-to-do'

/** The comparison as a badge: "Current", "Behind (latest 3.1.0)", "No catalogue entry for this model", … */
export function firmwareLook(comparison: FirmwareComparison): StatusLook {
  const latest = comparison.latest ?? '?'
  switch (comparison.status) {
    case 'current':
      return { tone: 'ok', icon: 'ok', label: 'Current', origin: 'documented' }
    case 'behind':
      return { tone: 'warn', icon: 'warning', label: `Behind (latest ${latest})`, origin: 'documented' }
    case 'ahead':
      return { tone: 'info', icon: 'info', label: `Newer than the catalogue (latest ${latest})`, origin: 'documented' }
    case 'unknown-model':
      return { tone: 'neutral', icon: 'unknown', label: 'No catalogue entry for this model', origin: 'documented' }
    case 'unparseable':
      return { tone: 'neutral', icon: 'unknown', label: `Cannot compare with the catalogue (latest ${latest})`, origin: 'documented' }
  }
}

function behindText(comparison: FirmwareComparison): string | null {
  if (comparison.status !== 'behind') return null
  const minors = comparison.minorVersionsBehind
  if (minors === undefined) return 'A major version behind the latest stable build.'
  return `${minors} minor version${minors === 1 ? '' : 's'} behind the latest stable build.`
}

/** The firmware version compared with the catalogue, and the known issues of that version. */
export function FirmwarePanel({ device }: { device: Device }) {
  const openFault = useAppStore((s) => s.openFault)
  const version = device.firmware_version
  const comparison = compareFirmware(device.model, version)
  return (
    <Panel title="Firmware" className="firmware-panel">
      <div className="firmware-row">
        <span className="firmware-version mono">{version ? version : <span className="muted">No version reported</span>}</span>
        {version ? <StatusBadge kind="custom" look={firmwareLook(comparison)} size="large" /> : null}
      </div>
      {behindText(comparison) ? <p>{behindText(comparison)}</p> : null}
      {comparison.note ? <p className="muted">{comparison.note}</p> : null}
      {comparison.knownIssues.length > 0 ? (
        <>
          <h3 className="subheading">Known issues of this version</h3>
          <ul className="known-issues">
            {comparison.knownIssues.map(({ id, severity, summary, action, faultCode }) => (
              <li key={id} className="known-issue">
                <StatusBadge kind="severity" value={severity} />
                <div>
                  <p>{summary}</p>
                  <WhatToDo action={action} />
                  {faultCode ? (
                    <Button size="small" variant="ghost" onClick={() => openFault(faultCode)}>
                      {faultCode} in the fault dictionary
                    </Button>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : version ? (
        <p className="muted">No known issues for this version in the catalogue.</p>
      ) : null}
    </Panel>
  )
}
