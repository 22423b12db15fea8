import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as fsPromises from 'node:fs/promises'
import { readdir, readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { writeFileAtomic, type AtomicWriteFs } from '@main/fs/atomic-write'
import { tempRoot } from '../../support/common-fixtures'

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ root: dir, cleanup } = await tempRoot('tellus-atomic-order-')))
afterEach(() => cleanup())

/** The real file system, with every step the writer takes recorded in order (paths shortened). */
function recordingFs(): { fs: AtomicWriteFs; steps: string[] } {
  const steps: string[] = []
  const name = (path: string) => (path === dir ? 'dir' : basename(path).includes('.tmp-') ? 'temp' : basename(path))
  const fs: AtomicWriteFs = {
    open: async (path, flags, mode) => {
      steps.push(`open ${name(String(path))}`)
      const handle = await fsPromises.open(path, flags, mode)
      const target = name(String(path))
      return {
        writeFile: async (data: string | Uint8Array) => {
          steps.push(`write ${target}`)
          await handle.writeFile(data)
        },
        sync: async () => {
          steps.push(`sync ${target}`)
          await handle.sync()
        },
        close: async () => {
          steps.push(`close ${target}`)
          await handle.close()
        },
      }
    },
    rename: async (from, to) => {
      steps.push(`rename ${name(String(from))} -> ${name(String(to))}`)
      await fsPromises.rename(from, to)
    },
    rm: async (path, options) => {
      steps.push(`rm ${name(String(path))}`)
      await fsPromises.rm(path, options)
    },
  }
  return { fs, steps }
}

describe('writeFileAtomic: the order that makes a write durable', () => {
  it('opens a temp file, writes, fsyncs it, renames it over the target, then fsyncs the folder', async () => {
    const { fs, steps } = recordingFs()
    await writeFileAtomic(join(dir, 'profiles.json'), '{"v":1}', fs)
    expect(steps).toEqual(['open temp', 'write temp', 'sync temp', 'close temp', 'rename temp -> profiles.json', 'open dir', 'sync dir', 'close dir'])
    expect(await readFile(join(dir, 'profiles.json'), 'utf8')).toBe('{"v":1}')
  })

  it('on a failed fsync removes the temp file, leaves the target as it was, and throws the error', async () => {
    const { fs, steps } = recordingFs()
    await writeFileAtomic(join(dir, 'profiles.json'), 'old', fs)
    steps.length = 0
    const failing: AtomicWriteFs = {
      ...fs,
      open: async (path, flags, mode) => {
        const handle = await fs.open(path, flags, mode)
        return { ...handle, sync: () => Promise.reject(Object.assign(new Error('no space'), { code: 'ENOSPC' })) }
      },
    }
    await expect(writeFileAtomic(join(dir, 'profiles.json'), 'new', failing)).rejects.toMatchObject({ code: 'ENOSPC' })
    expect(steps).toEqual(['open temp', 'write temp', 'close temp', 'rm temp'])
    expect(await readFile(join(dir, 'profiles.json'), 'utf8')).toBe('old')
    expect(await readdir(dir)).toEqual(['profiles.json'])
  })
})
