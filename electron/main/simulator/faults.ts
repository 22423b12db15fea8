/**
 * Injected failures: one fault per target (a device id, or '*' for every request). A fault with a
 * `count` is consumed once per matching request and disappears at zero; without one it persists.
 */
import { z } from 'zod'
import type { Fault } from './types'

const count = z.number().int().min(1)

/** Validates a fault (used for the control endpoint's JSON and for `setFault`). */
export const FaultSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('latency'), ms: z.number().int().min(0).max(600_000) }),
  z.strictObject({ kind: z.literal('rate-limit'), count, retryAfterSeconds: z.number().int().min(0).optional() }),
  z.strictObject({ kind: z.literal('server-error'), count: count.optional(), body: z.enum(['envelope', 'html', 'plain']).optional() }),
  z.strictObject({ kind: z.literal('connection-reset'), count: count.optional() }),
  z.strictObject({ kind: z.literal('truncated-json'), count: count.optional() }),
  z.strictObject({ kind: z.literal('captive-portal'), count: count.optional() }),
  z.strictObject({ kind: z.literal('wrong-content-type'), count: count.optional() }),
  z.strictObject({ kind: z.literal('hang'), count: count.optional() }),
  z.strictObject({ kind: z.literal('hang-before-headers'), count: count.optional() }),
  z.strictObject({ kind: z.literal('deep-nesting'), count: count.optional(), depth: z.number().int().min(1).max(100_000).optional() }),
  z.strictObject({ kind: z.literal('bad-token'), count: count.optional() }),
])

/** The target that matches every request. */
export const EVERY_REQUEST = '*'

interface ActiveFault {
  fault: Fault
  remaining: number | undefined
}

/** The faults currently set, by target. */
export class FaultRegistry {
  private readonly faults = new Map<string, ActiveFault>()

  /** Sets or (with null) clears the fault for a target. Throws on an invalid fault. */
  set(target: string, fault: Fault | null): void {
    if (!target) throw new Error('A fault target is a device id or "*".')
    if (fault === null) {
      this.faults.delete(target)
      return
    }
    const parsed = FaultSchema.parse(fault) as Fault
    this.faults.set(target, { fault: parsed, remaining: 'count' in parsed ? parsed.count : undefined })
  }

  clear(): void {
    this.faults.clear()
  }

  /**
   * Takes the faults that apply to a request for `targets` (most specific first), consuming counts:
   * latencies accumulate, and the first other fault ends the list (the request can fail only once).
   */
  take(targets: string[]): Fault[] {
    const taken: Fault[] = []
    for (const target of targets) {
      const active = this.faults.get(target)
      if (!active) continue
      taken.push(active.fault)
      if (active.remaining !== undefined) {
        active.remaining -= 1
        if (active.remaining <= 0) this.faults.delete(target)
      }
      if (active.fault.kind !== 'latency') break
    }
    return taken
  }
}
