/**
 * Issue 12 item 2: the Electron fuses are set in the packaging config. They cannot be flipped on a
 * stand-in binary here, so the config itself is checked: a missing or wrong fuse fails.
 */
import { describe, expect, it } from 'vitest'
// @ts-expect-error -- plain ESM config file without type declarations
import config, { dependencyClosures, INSTALL_TIME_HELPERS } from '../../../electron-builder.config.mjs'

const REQUIRED_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableCookieEncryption: true,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
}

describe('electron-builder config', () => {
  it.each(Object.entries(REQUIRED_FUSES))('sets the fuse %s to %s', (fuse, value) => {
    expect((config as { electronFuses?: Record<string, unknown> }).electronFuses?.[fuse]).toBe(value)
  })

  it('unpacks keytar (a native module cannot load from inside the asar) and excludes source maps', () => {
    const { asarUnpack, files } = config as { asarUnpack: string[]; files: string[] }
    expect(asarUnpack).toContain('node_modules/keytar/**')
    expect(files).toContain('!**/*.map')
  })

  it("leaves keytar's install-time helpers out, but no runtime dependency", () => {
    const { files } = config as { files: string[] }
    const { runtime, installOnly } = dependencyClosures() as { runtime: string[]; installOnly: string[] }
    expect(runtime).toEqual(['electron-log', 'keytar', 'ws', 'zod'])
    for (const helper of INSTALL_TIME_HELPERS as string[]) expect(files).toContain(`!node_modules/${helper}{,/**}`)
    for (const name of installOnly) expect(runtime).not.toContain(name)
    for (const name of runtime) expect(files).not.toContain(`!node_modules/${name}{,/**}`)
  })
})
