/**
 * Packaging for Linux (AppImage, deb), Windows (NSIS) and macOS (dmg): `npm run package`.
 * Packaging downloads the Electron binary, so it runs on developer laptops and release CI; here
 * `npm run package:check` packages against a stand-in Electron folder (scripts/package-check.ts).
 *
 * - Electron fuses are flipped at packaging (tests/unit/packaging/builder-config.test.ts checks them).
 * - The asar holds the built bundles, resources and runtime dependencies only. keytar's install-time
 *   helpers (prebuild-install, node-addon-api and everything only they pull in) are left out: the
 *   app loads keytar's compiled .node file, never them. The list is computed from node_modules.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Packages keytar needs only to install or build itself. */
export const INSTALL_TIME_HELPERS = ['prebuild-install', 'node-addon-api']

/** The runtime dependencies' package closure, and the helpers' closure not needed at runtime. */
export function dependencyClosures(root = import.meta.dirname) {
  const manifest = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'))
  const children = (name) => {
    const pkg = manifest(name)
    return Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies }).filter((dep) => existsSync(join(root, 'node_modules', dep, 'package.json')))
  }
  const closure = (roots, skip = new Set()) => {
    const seen = new Set()
    const visit = (name) => {
      if (seen.has(name) || skip.has(name)) return
      seen.add(name)
      children(name).forEach(visit)
    }
    roots.forEach(visit)
    return seen
  }
  const helpers = new Set(INSTALL_TIME_HELPERS)
  const runtime = closure(Object.keys(manifest('..').dependencies ?? {}), helpers)
  const installOnly = [...closure(INSTALL_TIME_HELPERS)].filter((name) => !runtime.has(name)).sort()
  return { runtime: [...runtime].sort(), installOnly }
}

const { installOnly } = dependencyClosures()

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'com.tellusfield.desktop',
  productName: 'Tellus Field',
  copyright: 'Copyright © 2026 Tellus Field team',
  directories: { buildResources: 'resources', output: 'release/${version}' },
  files: ['out/**', 'resources/**', 'package.json', '!**/*.map', '!node_modules/**/*.{ts,mts,cts,tsx}', ...installOnly.map((name) => `!node_modules/${name}{,/**}`)],
  asarUnpack: ['node_modules/keytar/**', 'resources/**'],
  npmRebuild: true,
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableCookieEncryption: true,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
    loadBrowserProcessSpecificV8Snapshot: false,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Utility',
    icon: 'resources/icon.png',
    maintainer: 'Tellus Field team',
    synopsis: 'EV-charger diagnostics for field technicians',
  },
  deb: { depends: ['libsecret-1-0', 'gnome-keyring | kwalletmanager'] },
  win: { target: ['nsis'], icon: 'resources/icon.png' },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  mac: { target: ['dmg'], icon: 'resources/icon.png', category: 'public.app-category.utilities', hardenedRuntime: true },
  dmg: { sign: false },
}

export default config
