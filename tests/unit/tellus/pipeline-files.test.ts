import { readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const tellus = resolve(import.meta.dirname, '../../../electron/main/tellus')

describe('the REST request pipeline (electron/main/tellus)', () => {
  it('stays at most 8 files besides the stream client, each one a concept a reader would name', () => {
    const files = readdirSync(tellus, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name)
    expect(files.sort()).toEqual(['errors.ts', 'http-request.ts', 'pacer.ts', 'parse-response.ts', 'retry.ts', 'tellus-client.ts', 'token-provider.ts', 'transport.ts'])
    expect(readdirSync(tellus, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name)).toEqual(['stream'])
  })
})
