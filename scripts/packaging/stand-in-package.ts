/**
 * Packages the built app (out/) with electron-builder against a stand-in Electron folder: the real
 * binary cannot be downloaded on every machine, but everything electron-builder puts into
 * `resources/app.asar` can still be produced and checked. Fuses live in the real binary, so they
 * are switched off for this run only (the config's fuses are checked as config by a unit test).
 */
import { spawn } from 'node:child_process'
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const PROJECT_ROOT = resolve(import.meta.dirname, '../..')

/** Where the packaged app landed. */
export interface StandInPackage {
  /** The unpacked app folder (linux-unpacked). */
  appDir: string
  appAsar: string
  unpackedDir: string
  /** electron-builder's own output, for a failure message. */
  log: string
}

/** Creates `<workDir>/electron-dist` (an executable named electron, LICENSE, version). */
async function createStandInElectron(workDir: string): Promise<string> {
  const dist = join(workDir, 'electron-dist')
  await mkdir(dist, { recursive: true })
  const { version } = JSON.parse(await readFile(join(PROJECT_ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }
  await writeFile(join(dist, 'electron'), '#!/bin/sh\necho "stand-in Electron: the real binary is not installed" >&2\nexit 1\n')
  await chmod(join(dist, 'electron'), 0o755)
  await writeFile(join(dist, 'LICENSE'), '')
  await writeFile(join(dist, 'version'), version)
  return dist
}

/** Runs `electron-builder --linux dir` into `<workDir>/release`; rejects with its log on failure. */
export async function packageWithStandIn(workDir: string): Promise<StandInPackage> {
  const electronDist = await createStandInElectron(workDir)
  const output = join(workDir, 'release')
  // The project's config with only what the stand-in needs changed (fuses need the real binary).
  const configFile = join(workDir, 'stand-in.config.mjs')
  await writeFile(
    configFile,
    [
      `import config from ${JSON.stringify(pathToFileURL(join(PROJECT_ROOT, 'electron-builder.config.mjs')).href)}`,
      `export default { ...config, electronFuses: null, electronDist: ${JSON.stringify(electronDist)}, npmRebuild: false, directories: { ...config.directories, output: ${JSON.stringify(output)} } }`,
      '',
    ].join('\n'),
  )
  const args = ['--config', configFile, '--linux', 'dir']
  const log = await new Promise<string>((done, reject) => {
    const child = spawn(join(PROJECT_ROOT, 'node_modules/.bin/electron-builder'), args, { cwd: PROJECT_ROOT, env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } })
    let text = ''
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => (code === 0 ? done(text) : reject(new Error(`electron-builder exited with ${code}:\n${text}`))))
  })
  const appDir = join(output, 'linux-unpacked')
  return { appDir, appAsar: join(appDir, 'resources/app.asar'), unpackedDir: join(appDir, 'resources/app.asar.unpacked'), log }
}
