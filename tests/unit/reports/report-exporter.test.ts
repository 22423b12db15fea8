/**
 * Saving a work-order report: real files, real Chromium printing the PDF (the browser shell's
 * `page.pdf` renderer), read back with poppler (pdfinfo, pdftotext). One dialog gives three files
 * of the same name; A4 and Letter; the fields are remembered on the visit; cancelled, a PDF that
 * cannot be printed and a full disk each end clearly with nothing half-written.
 */
import { execFile } from 'node:child_process'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ValidArgsOf } from '@common/ipc/contract-schemas'
import type { WorkOrderReport } from '@common/reports/report-types'
import { ReportExporter } from '@main/reports/report-exporter'
import type { ReportPdfRenderer } from '@main/reports/report-pdf-renderer'
import { createPagePdfRenderer } from '../../../scripts/browser-shell/page-pdf-renderer'
import { tinyDisk } from '../../support/tiny-disk'
import { visitWorld, type VisitWorld } from './report-fixtures'
import { unwrap } from '../../support/common-fixtures'

const run = promisify(execFile)

describe('ReportExporter', () => {
  let world: VisitWorld
  let pdf: ReportPdfRenderer
  beforeAll(async () => {
    world = await visitWorld()
    pdf = createPagePdfRenderer()
  })
  afterAll(async () => {
    await pdf.dispose()
    await world.cleanup()
  })

  function exporter(chooseSavePath: (name: string) => Promise<string | null>, renderer: ReportPdfRenderer = pdf) {
    const suggested: string[] = []
    const service = new ReportExporter({
      stores: world.stores,
      pdf: renderer,
      chooseSavePath: async (name) => {
        suggested.push(name)
        return chooseSavePath(name)
      },
      rememberFields: (visitId, fields) => world.visits.update(visitId, (visit) => ({ ok: true, value: { ...visit, reportFields: fields } })),
      appVersion: () => '9.9.9',
      now: () => world.clock.now,
    })
    return { service, suggested }
  }

  const request = (pageSize: ValidArgsOf<'exportReport'>['pageSize']): ValidArgsOf<'exportReport'> => ({
    scope: { kind: 'visit', visitId: world.visit.id },
    fields: { technician: 'Ada Example', workOrder: 'WO 4711/B' },
    pageSize,
  })

  it.each([
    ['A4', /Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)/],
    ['Letter', /Page size:\s+612 x 792 pts \(letter\)/],
  ] as const)('saves PDF (%s), HTML and JSON side by side from one dialog', async (size, pageSizeLine) => {
    const folder = join(world.root, `out-${size}`)
    const { service, suggested } = exporter(async (name) => join(folder, name))
    await import('node:fs/promises').then((fs) => fs.mkdir(folder, { recursive: true }))
    const outcome = unwrap(await service.export(request(size)))
    expect(suggested).toEqual(['WO-4711-B-Depot-North-2026-11-23.pdf'])
    expect(outcome).toEqual({
      saved: true,
      paths: { pdf: join(folder, 'WO-4711-B-Depot-North-2026-11-23.pdf'), html: join(folder, 'WO-4711-B-Depot-North-2026-11-23.html'), json: join(folder, 'WO-4711-B-Depot-North-2026-11-23.json') },
    })
    if (!outcome.saved) return
    const info = (await run('pdfinfo', [outcome.paths.pdf])).stdout
    expect(info).toMatch(pageSizeLine)
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(2)
    const text = (await run('pdftotext', ['-layout', outcome.paths.pdf, '-'])).stdout
    expect(text).toContain('Work-order report WO 4711/B: Depot North')
    expect(text).toContain('dvc_3f9a1c7e5b20')
    expect(text).toContain('Findings resolved')
    expect(text).toContain('Power (kW)')
    const html = await readFile(outcome.paths.html, 'utf8')
    expect(html).toContain(`@page { size: ${size};`)
    const json = JSON.parse(await readFile(outcome.paths.json, 'utf8')) as WorkOrderReport
    expect(json).toMatchObject({ format: 'tellus-field-work-order-report', formatVersion: 1, technician: 'Ada Example', workOrder: 'WO 4711/B' })
    expect(json.chargers.map((c) => c.deviceId)).toEqual(['dvc_3f9a1c7e5b20', 'dvc_8b2e4d6f1a93'])
    expect(unwrap(await world.visits.get(world.visit.id)).reportFields).toEqual({ technician: 'Ada Example', workOrder: 'WO 4711/B' })
  })

  it('writes nothing when the technician cancels the dialog', async () => {
    const { service } = exporter(async () => null)
    expect(unwrap(await service.export(request('A4')))).toEqual({ saved: false })
  })

  it('asks for no file and writes nothing when the PDF cannot be printed', async () => {
    const broken: ReportPdfRenderer = { render: () => Promise.reject(new Error('renderer crashed')), dispose: async () => undefined }
    const { service, suggested } = exporter(async (name) => join(world.root, name), broken)
    const outcome = await service.export(request('A4'))
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'internal', message: 'The PDF could not be printed: renderer crashed. Nothing was saved.' } })
    expect(suggested).toEqual([])
  })

  it('says the disk is full and leaves no part of the report behind', async (context) => {
    const disk = await tinyDisk(64)
    if (!disk) return context.skip('needs root (to mount a 64 KB tmpfs) or TELLUS_SMALL_FS_DIR')
    try {
      const { service } = exporter(async (name) => join(disk.dir, name))
      const outcome = await service.export(request('A4'))
      expect(outcome).toMatchObject({ ok: false, error: { kind: 'storage', message: 'The disk is full: the report was not saved. Free some space on this laptop and try again.' } })
      expect(await readdir(disk.dir)).toEqual([])
    } finally {
      await disk.release()
    }
  })
})
