/**
 * `npm run package:check`: builds, then packages against a stand-in Electron folder and prints
 * where app.asar is and what it holds at the top level. For machines without the Electron binary.
 *
 *   npm run package:check -- [--work-dir <folder>]
 */
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { listPackage } from '@electron/asar'
import { packageWithStandIn } from './packaging/stand-in-package'

const flag = process.argv.indexOf('--work-dir')
const workDir = flag >= 0 && process.argv[flag + 1] ? process.argv[flag + 1]! : await mkdtemp(join(tmpdir(), 'tellus-package-'))
const result = await packageWithStandIn(workDir)
const entries = listPackage(result.appAsar, { isPack: false })
const top = new Set(entries.map((entry) => entry.split(/[\\/]/).slice(0, 3).join('/')))
console.log(`app.asar: ${result.appAsar} (${entries.length} entries)`)
for (const entry of [...top].sort()) console.log(`  ${entry}`)
console.log(`unpacked: ${result.unpackedDir}`)
