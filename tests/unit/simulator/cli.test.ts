import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_CLI_PORT, banner, helpText, parseCliArgs } from '@main/simulator/cli'
import { useSimulators } from './support'

const start = useSimulators()
const root = resolve(import.meta.dirname, '../../..')

describe('npm run sim: arguments', () => {
  it('defaults to a fixed port and the documented defaults', () => {
    expect(parseCliArgs([])).toEqual({ kind: 'run', options: { port: DEFAULT_CLI_PORT, controlEndpoint: true } })
  })

  it('reads --port, --seed, --token-ttl and --stream-interval', () => {
    expect(parseCliArgs(['--port', '0', '--seed', '7', '--token-ttl', '120', '--stream-interval=1000'])).toEqual({
      kind: 'run',
      options: { port: 0, controlEndpoint: true, seed: 7, tokenTtlSeconds: 120, streamIntervalMs: 1000 },
    })
  })

  it('answers --help and -h', () => {
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' })
    expect(parseCliArgs(['-h'])).toEqual({ kind: 'help' })
  })

  it.each([['--port', '70000'], ['--port', 'abc'], ['--token-ttl', '0'], ['--stream-interval', '5'], ['--seed', '-1'], ['--colour', 'red']])(
    'refuses %s %s',
    (name, value) => {
      expect(parseCliArgs([name, value]).kind).toBe('error')
    },
  )

  it('documents every option and the control endpoint in --help', () => {
    const text = helpText()
    for (const needle of ['--port', '--seed', '--token-ttl', '--stream-interval', '--help', '/__sim/faults', '/__sim/clear', 'hang-before-headers']) {
      expect(text).toContain(needle)
    }
  })

  it('prints the base URL, demo credentials, every device with model and site, and control usage', async () => {
    const { sim } = await start()
    const text = banner(sim)
    expect(text).toContain(sim.baseUrl)
    expect(text).toContain('demo_field_client')
    expect(text).toContain('demo-fleet-secret')
    for (const id of sim.deviceIds) expect(text).toMatch(new RegExp(`${id}\\s+\\S+\\s+fw \\S+\\s+(online|OFFLINE)\\s+site_\\d+`))
    expect(text).toContain(`http://127.0.0.1:${sim.port}/__sim/faults`)
  })
})

describe('npm run sim: the script', () => {
  it('starts in the foreground, serves the API and stops on Ctrl-C (SIGINT)', async () => {
    const child = spawn(resolve(root, 'node_modules/.bin/tsx'), ['scripts/sim.ts', '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    const baseUrl = await new Promise<string>((resolveUrl, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8')
        const match = /Base URL:\s+(\S+)/.exec(output)
        if (match && output.includes('Ctrl-C')) resolveUrl(match[1]!)
      })
      child.on('exit', (code) => reject(new Error(`sim exited early (${code}): ${output}`)))
    })
    const response = await fetch(`${baseUrl}/operator/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: 'demo_field_client', client_secret: 'demo-fleet-secret', grant_type: 'client_credentials' }),
    })
    expect(response.status).toBe(200)
    const info = await fetch(`${baseUrl.replace(/\/v1$/, '')}/__sim`)
    expect(info.status).toBe(200)
    const exited = new Promise<number | null>((resolveExit) => child.on('exit', (code) => resolveExit(code)))
    child.kill('SIGINT')
    expect(await exited).toBe(0)
    await expect(fetch(`${baseUrl}/operator/sites`)).rejects.toThrow()
  })
})
