import type { ChargerKind } from '@common/diagnostics/charger-kind'
import type { Finding } from '@common/diagnostics/finding'
import type { ExtensionIssue } from '@common/tellus/device-extensions'
import type { Connector } from '@common/tellus/schemas'
import { Panel } from '@renderer/components/panel'
import { ConnectorCard } from './connector-card'
import type { LiveMarkProps } from './live/live-mark'

/** Props of `ConnectorsSection`. */
export interface ConnectorsSectionProps {
  connectors: readonly Connector[]
  /** Each connector's findings, most severe first (see `findingsByConnector`). */
  findingsOf: ReadonlyMap<number, Finding[]>
  /** The in-page id of a finding in Diagnostics. */
  anchorOf: (finding: Finding) => string
  /** The Live mark of a connector whose values came from the live stream. */
  liveMarkOf?: (connectorId: number) => LiveMarkProps | undefined
  /** The charger's kind (AC/DC), for the contactor default of each connector's component health. */
  kind: ChargerKind
  /** Every unreadable extension value of the device; each card takes those of its connector. */
  issues: readonly ExtensionIssue[]
}

/** The unreadable values of the connector at `index`, with paths inside the connector. */
function issuesOfConnector(issues: readonly ExtensionIssue[], index: number): ExtensionIssue[] {
  const prefix = `connectors[${index}].`
  return issues.filter((issue) => issue.path.startsWith(prefix)).map((issue) => ({ ...issue, path: issue.path.slice(prefix.length) }))
}

/** Every connector as a card, readings first. */
export function ConnectorsSection({ connectors, findingsOf, anchorOf, liveMarkOf, kind, issues }: ConnectorsSectionProps) {
  return (
    <Panel title={`Connectors (${connectors.length})`} className="connectors-panel">
      {connectors.length === 0 ? (
        <p>The response lists no connectors.</p>
      ) : (
        <div className="connector-grid">
          {connectors.map((connector, index) => {
            const findings = findingsOf.get(connector.connector_id) ?? []
            return (
              <ConnectorCard
                key={`${connector.connector_id}-${index}`}
                connector={connector}
                findings={findings}
                firstFindingId={findings[0] ? anchorOf(findings[0]) : undefined}
                live={liveMarkOf?.(connector.connector_id)}
                kind={kind}
                healthIssues={issuesOfConnector(issues, index)}
                anchorOf={anchorOf}
              />
            )
          })}
        </div>
      )}
    </Panel>
  )
}
