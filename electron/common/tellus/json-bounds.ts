/**
 * The largest shape of JSON accepted from the Tellus API (REST answers and stream frames). A real
 * answer nests a handful of levels (envelope → data → connectors → connector → component health)
 * and holds a few thousand values at most; anything far beyond is a broken or hostile server or
 * proxy. Such a value must never be kept: it cannot be structured-cloned across IPC (a 20 kB answer
 * nested 10,000 levels deep overflows the clone's stack) and would stall every view that walks it.
 */

/** Deepest nesting of objects and arrays accepted; the outermost object or array is level 1. */
export const MAX_JSON_DEPTH = 64

/** Most values (object members and array items, at every level together) accepted in one answer. */
export const MAX_JSON_ENTRIES = 100_000

/** Which bound a value breaks. */
export type JsonBoundsViolation = { bound: 'depth'; limit: number } | { bound: 'entries'; limit: number }

/**
 * The bound `value` (parsed JSON) breaks, or undefined when it is within both. Walks with an
 * explicit stack, so a value of any depth is checked without recursion, and stops at the first breach.
 */
export function jsonBoundsViolation(value: unknown, maxDepth = MAX_JSON_DEPTH, maxEntries = MAX_JSON_ENTRIES): JsonBoundsViolation | undefined {
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 1 }]
  let entries = 0
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue
    if (next.depth > maxDepth) return { bound: 'depth', limit: maxDepth }
    const children = Array.isArray(next.value) ? (next.value as unknown[]) : Object.values(next.value)
    entries += children.length
    if (entries > maxEntries) return { bound: 'entries', limit: maxEntries }
    for (const child of children) if (typeof child === 'object' && child !== null) pending.push({ value: child, depth: next.depth + 1 })
  }
  return undefined
}
