/**
 * Issue 11 defect 8: the main process keeps a rotating log file, and secrets and tokens never
 * reach it: neither registered secrets (as read from the keychain) nor anything credential-shaped.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MemorySecretStore } from '@main/credentials/memory-secret-store'
import { createFileLogger, LOG_FILE_NAME } from '@main/logging/file-logger'
import { rememberingSecrets } from '@main/logging/secret-remembering-store'
import { tempRoot } from '../../support/common-fixtures'

const SECRET = 'sec-FILELOG-CANARY-19d7c0'
const TOKEN = 'tok-FILELOG-CANARY-8e6f2b'
let dir: string
let cleanup: () => Promise<void>

beforeEach(async () => ({ root: dir, cleanup } = await tempRoot('tellus-logs-')))
afterEach(() => cleanup())

const readAll = async () => (await Promise.all((await readdir(dir)).map((name) => readFile(join(dir, name), 'utf8')))).join('\n')

describe('file logger', () => {
  it('writes each line with its level into <dir>/main.log', async () => {
    const logger = createFileLogger({ dir })
    logger.info('app started')
    logger.warn('window: blocked navigation to https://evil.example/')
    logger.error('startup failed: boom')
    expect(logger.filePath).toBe(join(dir, LOG_FILE_NAME))
    const text = await readFile(logger.filePath, 'utf8')
    expect(text).toMatch(/\[info\]\s+app started/)
    expect(text).toMatch(/\[warn\]\s+window: blocked navigation/)
    expect(text).toMatch(/\[error\]\s+startup failed: boom/)
  })

  it('never writes a secret read from the keychain, nor anything shaped like a credential', async () => {
    const logger = createFileLogger({ dir })
    const keychain = rememberingSecrets(new MemorySecretStore(), logger.rememberSecret)
    await keychain.set('prf_1', SECRET)
    logger.info(`verifying with ${SECRET} and ${encodeURIComponent(SECRET)}`)
    logger.warn(`echoed body {"access_token": "${TOKEN}", "client_secret":"${SECRET}"}`)
    logger.error(`request failed: Authorization: Bearer ${TOKEN}; form client_secret=${SECRET}&grant_type=x`)
    const text = await readAll()
    expect(text).not.toContain(SECRET)
    expect(text).not.toContain(TOKEN)
    expect(text).toContain('[redacted]')
  })

  it('keeps each entry on one line, so a message cannot forge another entry', async () => {
    const logger = createFileLogger({ dir })
    logger.info('device name\n[2026-01-01 00:00:00.000] [error] forged')
    const lines = (await readFile(logger.filePath, 'utf8')).trim().split('\n')
    expect(lines).toHaveLength(1)
  })

  it('rotates at the size limit and keeps only the newest rotated files', async () => {
    const logger = createFileLogger({ dir, maxBytes: 2_000, keep: 2 })
    for (let i = 0; i < 200; i++) logger.info(`line ${i} ${'x'.repeat(80)}`)
    const names = (await readdir(dir)).sort()
    expect(names).toEqual(['main.1.log', 'main.2.log', 'main.log'])
    for (const name of names) expect((await readFile(join(dir, name))).length).toBeLessThan(2_200)
    expect(await readFile(join(dir, 'main.log'), 'utf8')).toContain('line 199 ')
  })
})
