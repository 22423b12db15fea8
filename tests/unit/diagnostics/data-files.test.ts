import { describe, expect, it } from 'vitest'
import dictionaryJson from '../../../resources/data/fault-dictionary.json'
import catalogueJson from '../../../resources/data/firmware-catalogue.json'
import runbooksJson from '../../../resources/data/runbooks.json'
import { FAULTS, FaultDictionarySchema, findFault } from '@common/diagnostics/fault-dictionary'
import { CATALOGUE_MODELS, FirmwareCatalogueSchema, KNOWN_ISSUES } from '@common/diagnostics/firmware-catalogue'
import { findRunbook, RUNBOOKS } from '@common/diagnostics/runbooks'
import { parseRunbooksFile } from '@common/runbooks/runbook-definition'

const DOCUMENTED_CODES = [
  'F-0101', 'F-0203', 'F-0204', 'F-0301', 'F-0302', 'F-0411',
  'F-0421', 'F-0512', 'F-0601', 'F-0701', 'F-0702', 'F-0805',
]

describe('fault-dictionary.json', () => {
  it('holds exactly the 12 documented codes, in order', () => {
    expect(FAULTS.map((f) => f.code)).toEqual(DOCUMENTED_CODES)
  })

  it.each(DOCUMENTED_CODES)('%s has meaning, causes, on-site checks and existing runbook links', (code) => {
    const fault = findFault(code)!
    expect(fault.meaning.length).toBeGreaterThan(20)
    expect(fault.likelyCauses.length).toBeGreaterThan(0)
    expect(fault.onSite.length).toBeGreaterThan(0)
    for (const id of fault.runbooks) expect(findRunbook(id), `${code} links runbook ${id}`).toBeDefined()
  })

  it.each([
    ['F-0101', 'error', 'Hardware'],
    ['F-0203', 'warning', 'Thermal'],
    ['F-0301', 'error', 'Connectivity'],
    ['F-0421', 'error', 'Hardware'],
    ['F-0702', 'warning', 'V2G'],
    ['F-0805', 'warning', 'Charging process'],
  ])('%s has severity %s and category %s', (code, severity, category) => {
    expect(findFault(code)).toMatchObject({ severity, category })
  })

  it.each([
    ['a duplicated code', (d: typeof dictionaryJson) => ({ ...d, faults: [...d.faults, d.faults[0]] })],
    ['a code in the wrong shape', (d: typeof dictionaryJson) => ({ ...d, faults: [{ ...d.faults[0], code: '0101' }] })],
    ['an unknown severity', (d: typeof dictionaryJson) => ({ ...d, faults: [{ ...d.faults[0], severity: 'fatal' }] })],
    ['an entry without meaning', (d: typeof dictionaryJson) => ({ ...d, faults: [{ ...d.faults[0], meaning: undefined }] })],
    ['a misspelt field', (d: typeof dictionaryJson) => ({ ...d, faults: [{ ...d.faults[0], likelyCause: [] }] })],
  ])('the schema rejects %s', (_label, breakIt) => {
    expect(FaultDictionarySchema.safeParse(breakIt(dictionaryJson)).success).toBe(false)
  })
})

describe('runbooks.json', () => {
  it('holds the three runbooks the rules refer to', () => {
    expect(RUNBOOKS.map((r) => r.id).sort()).toEqual(['charger-faulting-on-power-up', 'connector-stuck-preparing', 'v2g-discharge-no-power-flow'])
  })

  it('rejects duplicated ids', () => {
    const broken = { ...runbooksJson, runbooks: [...runbooksJson.runbooks, runbooksJson.runbooks[0]] }
    expect(parseRunbooksFile(broken)).toMatchObject({ ok: false, error: { message: expect.stringContaining('runbook ids must be unique') } })
  })
})

describe('firmware-catalogue.json', () => {
  it('lists the documented latest stable builds', () => {
    expect(CATALOGUE_MODELS.map((m) => [m.model, m.latestStable, m.baselineStable])).toEqual([
      ['TP-DC180', '3.1.0', undefined],
      ['TP-DC360', '4.1.0', '4.0.0'],
    ])
  })

  it('has no entry for the models the docs give no firmware for', () => {
    const models = CATALOGUE_MODELS.map((m) => m.model)
    for (const model of ['AC-7kW-V2', 'TP-AC22', 'TP-DC60']) expect(models).not.toContain(model)
  })

  it('links every known issue with a fault code to a dictionary entry', () => {
    for (const issue of KNOWN_ISSUES) if (issue.faultCode) expect(findFault(issue.faultCode), issue.id).toBeDefined()
  })

  it.each([
    ['an unparseable latest build', (c: typeof catalogueJson) => ({ ...c, models: [{ ...c.models[0], latestStable: 'three' }] })],
    ['a duplicated model', (c: typeof catalogueJson) => ({ ...c, models: [...c.models, { ...c.models[0], model: 'tp-dc180 ' }] })],
    ['a known issue without a range', (c: typeof catalogueJson) => ({ ...c, knownIssues: [{ ...c.knownIssues[0], introduced: undefined, fixed: undefined }] })],
  ])('the schema rejects %s', (_label, breakIt) => {
    expect(FirmwareCatalogueSchema.safeParse(breakIt(catalogueJson)).success).toBe(false)
  })
})
