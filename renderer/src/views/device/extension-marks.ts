/**
 * Which finding marks which proposed-extension value: the rules name the value they judge
 * (`Finding.extensionField`), so the panels show the rules' own severity on a gauge or a row and
 * never judge a value a second time.
 */
import type { Finding } from '@common/diagnostics/finding'
import { severityLook, type StatusLook } from '@renderer/components/status-look'

/** The findings about the extension values of one place: the charger (no connector) or one connector. */
export type ExtensionMarks = ReadonlyMap<string, Finding>

/**
 * The most severe finding per extension field for the charger (`connectorId` undefined) or one
 * connector. Findings come most severe first, so the first one per field wins.
 */
export function extensionMarks(findings: readonly Finding[], connectorId: number | undefined): ExtensionMarks {
  const marks = new Map<string, Finding>()
  for (const finding of findings) {
    if (!finding.extensionField || finding.connectorId !== connectorId) continue
    if (!marks.has(finding.extensionField)) marks.set(finding.extensionField, finding)
  }
  return marks
}

const OK: StatusLook = { tone: 'ok', icon: 'ok', label: 'OK', origin: 'documented' }

/** The look of a value: its worst finding's severity, or OK when no rule flagged it. */
export function markLook(finding: Finding | undefined): StatusLook {
  return finding ? severityLook(finding.severity) : OK
}
