import type { ImportEdge } from './import-graph'

/**
 * The house rules (design.md §2): renderer → common ← main; the preload imports only the IPC
 * contract; only main and the preload may import Electron; common and the renderer use no Node built-ins.
 */
export function layeringViolation(edge: ImportEdge): string | null {
  const { from, specifier, target } = edge
  const isNodeBuiltin = specifier.startsWith('node:')
  if (from.startsWith('renderer/')) {
    if (target?.startsWith('electron/main') || target?.startsWith('electron/preload')) return 'renderer imports main/preload'
    if (specifier === 'electron' || isNodeBuiltin) return 'renderer imports Electron or Node'
  }
  if (from.startsWith('electron/common/')) {
    if (target && /^(electron\/(main|preload)|renderer)(\/|$)/.test(target)) return 'common imports main/preload/renderer'
    if (specifier === 'electron' || isNodeBuiltin) return 'common imports Electron or Node'
  }
  if (from.startsWith('electron/main/')) {
    if (target && /^(renderer|electron\/preload)(\/|$)/.test(target)) return 'main imports renderer/preload'
  }
  if (from.startsWith('electron/preload/')) {
    if (target && !target.startsWith('electron/common/ipc/')) return 'preload imports something other than the contract'
    if (!target && specifier !== 'electron') return 'preload imports a package'
  }
  return null
}
