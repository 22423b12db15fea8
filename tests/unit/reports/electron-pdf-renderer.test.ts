/**
 * The Electron side of report printing, with the hidden window replaced (Electron cannot run
 * here): the report is loaded from a temporary file, printed at the chosen size honouring the CSS
 * page size, and the window and the file are gone afterwards, also when printing fails.
 */
import { readdir, readFile } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createElectronPdfRenderer, type PrintingWindow } from '@main/reports/electron-pdf-renderer'
import { tempRoot } from '../../support/common-fixtures'

describe('Electron PDF renderer', () => {
  let temp: string
  let cleanup: () => Promise<void>
  beforeEach(async () => ({ root: temp, cleanup } = await tempRoot('tellus-pdf-')))
  afterEach(() => cleanup())

  function fakeWindow(failPrint: boolean) {
    const seen = { loaded: '', options: null as unknown, destroyed: false }
    const window: PrintingWindow = {
      loadFile: async (path) => {
        seen.loaded = await readFile(path, 'utf8')
      },
      printToPDF: async (options) => {
        seen.options = options
        if (failPrint) throw new Error('printing failed')
        return new Uint8Array([0x25, 0x50, 0x44, 0x46])
      },
      destroy: () => {
        seen.destroyed = true
      },
    }
    return { window, seen }
  }

  it('prints the document from a temporary file and cleans up', async () => {
    const { window, seen } = fakeWindow(false)
    const pdf = await createElectronPdfRenderer(() => window, temp).render('<p>report</p>', 'Letter')
    expect([...pdf]).toEqual([0x25, 0x50, 0x44, 0x46])
    expect(seen).toEqual({ loaded: '<p>report</p>', options: { pageSize: 'Letter', printBackground: true, preferCSSPageSize: true }, destroyed: true })
    expect(await readdir(temp)).toEqual([])
  })

  it('cleans up when printing fails', async () => {
    const { window, seen } = fakeWindow(true)
    await expect(createElectronPdfRenderer(() => window, temp).render('<p>x</p>', 'A4')).rejects.toThrow('printing failed')
    expect(seen.destroyed).toBe(true)
    expect(await readdir(temp)).toEqual([])
  })
})
