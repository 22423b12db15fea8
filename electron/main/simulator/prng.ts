/**
 * Deterministic pseudo-randomness: every reading and record derives from the seed plus stable keys,
 * so the same seed and clock always give the same fleet.
 */

/** 32-bit FNV-1a hash of the given parts (each terminated, so ('ab','c') differs from ('a','bc')). */
export function hashParts(...parts: Array<string | number>): number {
  let hash = 0x811c9dc5
  for (const part of parts) {
    const text = `${part}\u0000`
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i)
      hash = Math.imul(hash, 0x01000193)
    }
  }
  return hash >>> 0
}

/** A mulberry32 generator of numbers in [0, 1). */
export function createRng(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A stable number in [0, 1) for the given keys. */
export function unitFor(...parts: Array<string | number>): number {
  return createRng(hashParts(...parts))()
}

/** A stable number in [-1, 1) for the given keys. */
export function noiseFor(...parts: Array<string | number>): number {
  return unitFor(...parts) * 2 - 1
}

/** A number in [min, max) drawn from `rng`. */
export function between(rng: () => number, min: number, max: number): number {
  return min + rng() * (max - min)
}

/** Rounds to `digits` decimals. */
export function round(value: number, digits: number): number {
  const factor = 10 ** digits
  const rounded = Math.round(value * factor) / factor
  return Object.is(rounded, -0) ? 0 : rounded
}
