import type { Finding } from '@common/diagnostics/finding'
import { formatReading } from '@common/format/number'
import type { Connector } from '@common/tellus/schemas'
import { Icon } from '@renderer/components/icon'
import { revealElement } from '@renderer/components/jump-link'
import { connectorStatusLook, severityLook } from '@renderer/components/status-look'
import { StatusBadge } from '@renderer/components/status-badge'
import { connectorCardId } from './connector-card'
import { isActive, readingSpec } from './connector-readings'

/** At most this many tiles in the verdict; a charger with more shows its troubled ones first. */
export const MAX_TILES = 12

/** The one reading that matters for a connector: a marked (abnormal) one, else the power while active. */
function keyReading(connector: Connector, findings: readonly Finding[]): { text: string; finding?: Finding } | null {
  const marked = findings.find((finding) => finding.reading)
  if (marked?.reading) {
    const spec = readingSpec(marked.reading.field)
    return { text: `${formatReading(connector[spec.field], spec.unit)} — ${marked.reading.note}`, finding: marked }
  }
  if (isActive(connector)) return { text: formatReading(connector.power, 'kW') }
  return null
}

/** The connectors to show as tiles: all of them, or the troubled ones first up to `MAX_TILES`. */
export function tileConnectors(connectors: readonly Connector[], findingsOf: ReadonlyMap<number, Finding[]>): Connector[] {
  if (connectors.length <= MAX_TILES) return [...connectors]
  const troubled = connectors.filter((connector) => (findingsOf.get(connector.connector_id)?.length ?? 0) > 0)
  const rest = connectors.filter((connector) => !findingsOf.has(connector.connector_id))
  return [...troubled, ...rest].slice(0, MAX_TILES)
}

/** One connector as a compact tile: status (colour, icon, word) and its key reading; opens its card. */
function ConnectorTile({ connector, findings }: { connector: Connector; findings: readonly Finding[] }) {
  const key = keyReading(connector, findings)
  const worst = findings[0]
  const tone = worst && worst.severity !== 'info' ? severityLook(worst.severity).tone : connectorStatusLook(connector.status).tone
  const markLook = key?.finding ? severityLook(key.finding.severity) : null
  return (
    <li>
      <button type="button" className={`connector-tile card-tone-${tone}`} onClick={() => revealElement(connectorCardId(connector.connector_id))}>
        <span className="connector-tile-head">
          <span className="connector-tile-name">Connector {connector.connector_id}</span>
          <StatusBadge kind="connector" value={connector.status} />
        </span>
        {key ? (
          <span className={markLook ? `connector-tile-reading tone-text-${markLook.tone}` : 'connector-tile-reading'}>
            {markLook ? <Icon name={markLook.icon} /> : null}
            {key.text}
          </span>
        ) : null}
      </button>
    </li>
  )
}

/** Props of `ConnectorTiles`. */
export interface ConnectorTilesProps {
  connectors: readonly Connector[]
  findingsOf: ReadonlyMap<number, Finding[]>
}

/** The connectors at a glance, as tiles that jump to their cards. */
export function ConnectorTiles({ connectors, findingsOf }: ConnectorTilesProps) {
  if (connectors.length === 0) return <p className="muted">The response lists no connectors.</p>
  const shown = tileConnectors(connectors, findingsOf)
  const hidden = connectors.length - shown.length
  return (
    <div className="connector-tiles-wrap">
      <ul className="connector-tiles" aria-label="Connectors at a glance">
        {shown.map((connector, index) => (
          <ConnectorTile key={`${connector.connector_id}-${index}`} connector={connector} findings={findingsOf.get(connector.connector_id) ?? []} />
        ))}
      </ul>
      {hidden > 0 ? (
        <p className="muted">
          {hidden} more connector{hidden === 1 ? '' : 's'} in the Connectors section below.
        </p>
      ) : null}
    </div>
  )
}
