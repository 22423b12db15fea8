import type { Finding } from '@common/diagnostics/finding'
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
}

/** Every connector as a card, readings first. */
export function ConnectorsSection({ connectors, findingsOf, anchorOf, liveMarkOf }: ConnectorsSectionProps) {
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
              />
            )
          })}
        </div>
      )}
    </Panel>
  )
}
