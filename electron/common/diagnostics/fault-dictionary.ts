/**
 * The Tellus fault dictionary (F-0101 … F-0805) as typed data, from
 * resources/data/fault-dictionary.json. The file is validated when this module loads, so a broken
 * data file fails loudly (in tests and at start-up) instead of showing half an entry.
 */
import { z } from 'zod'
import dictionaryJson from '../../../resources/data/fault-dictionary.json'
import { matchesAllWords } from './fold-text'

/** Fault codes look like "F-0203". */
export const FAULT_CODE_PATTERN = /^F-\d{4}$/

const FaultEntrySchema = z.strictObject({
  code: z.string().regex(FAULT_CODE_PATTERN),
  title: z.string().min(1),
  severity: z.enum(['error', 'warning']),
  category: z.string().min(1),
  meaning: z.string().min(1),
  likelyCauses: z.array(z.string().min(1)).min(1),
  onSite: z.array(z.string().min(1)).min(1),
  relatedTelemetry: z.array(z.string().min(1)),
  runbooks: z.array(z.string().min(1)),
})

/** Schema of the whole fault dictionary file; codes must be unique. */
export const FaultDictionarySchema = z.strictObject({
  source: z.url(),
  revisedWithFirmware: z.string().min(1),
  note: z.string(),
  faults: z
    .array(FaultEntrySchema)
    .min(1)
    .refine((faults) => new Set(faults.map((f) => f.code)).size === faults.length, 'fault codes must be unique'),
})

/** One fault dictionary entry: what the code means and what to check on site. */
export type FaultEntry = z.infer<typeof FaultEntrySchema>

const dictionary = FaultDictionarySchema.parse(dictionaryJson)

/** Where the dictionary's facts come from. */
export const FAULT_DICTIONARY_SOURCE: string = dictionary.source

/** Every documented fault, in code order. */
export const FAULTS: readonly FaultEntry[] = [...dictionary.faults].sort((a, b) => a.code.localeCompare(b.code))

/**
 * The entry for a code; accepts "F-0203", "f-0203", "F0203" and surrounding spaces.
 * Returns undefined for an unknown code.
 */
export function findFault(code: string): FaultEntry | undefined {
  const normalized = code.trim().toUpperCase().replace(/^F-?/, 'F-')
  return FAULTS.find((fault) => fault.code === normalized)
}

/**
 * Faults whose code, title, category or meaning contain every word of the query, ignoring case
 * and diacritics ("0421", "contactor", "Überhitzung" style input). An empty query returns all.
 */
export function searchFaults(query: string): FaultEntry[] {
  return FAULTS.filter((fault) =>
    matchesAllWords([fault.code, fault.code.replace('-', ''), fault.title, fault.category, fault.meaning].join(' '), query),
  )
}
