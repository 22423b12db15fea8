/** Plausible 17-character vehicle identification numbers (ISO 3779, with a valid check digit). */
import { between } from './prng'

const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789'
const WMIS = ['5YJ', 'LRW', 'WVW', 'WBA', 'KNA', 'KMH', 'YV1', 'VF1', 'WP0', 'SAL', 'W1N', '3FM'] as const
const MODEL_YEARS = 'LMNPRST' // 2020–2026
const TRANSLITERATION: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9, S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
}
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2] as const

function pick(rng: () => number, alphabet: string): string {
  return alphabet[Math.floor(rng() * alphabet.length)] ?? alphabet[0] ?? '0'
}

/** The check digit (position 9) of a 17-character VIN. */
export function vinCheckDigit(vin: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const char = vin[i] ?? '0'
    const value = /\d/.test(char) ? Number(char) : (TRANSLITERATION[char] ?? 0)
    sum += value * (WEIGHTS[i] ?? 0)
  }
  const remainder = sum % 11
  return remainder === 10 ? 'X' : String(remainder)
}

/** A random but valid VIN drawn from `rng`. */
export function randomVin(rng: () => number): string {
  const wmi = WMIS[Math.floor(between(rng, 0, WMIS.length))] ?? WMIS[0]
  let vds = ''
  for (let i = 0; i < 5; i++) vds += pick(rng, VIN_CHARS)
  const year = pick(rng, MODEL_YEARS)
  const plant = pick(rng, VIN_CHARS)
  let serial = ''
  for (let i = 0; i < 6; i++) serial += pick(rng, '0123456789')
  const draft = `${wmi}${vds}0${year}${plant}${serial}`
  return `${draft.slice(0, 8)}${vinCheckDigit(draft)}${draft.slice(9)}`
}
