/**
 * The command line of `npm run sim` (scripts/sim.ts): argument parsing, --help text and the banner
 * printed once the simulator listens. Pure functions, so tests need no child process for them.
 */
import { parseArgs } from 'node:util'
import { DEVICES, SITES } from './fleet'
import { isOnline } from './readings'
import type { SimulatorHandle, SimulatorOptions } from './types'

/** Port `npm run sim` listens on unless --port says otherwise. */
export const DEFAULT_CLI_PORT = 4010

/** What the command line asks for. */
export type CliRequest = { kind: 'run'; options: SimulatorOptions } | { kind: 'help' } | { kind: 'error'; message: string }

/** How to drive a running simulator from the command line (also in --help and the banner). */
export function controlUsage(origin: string): string {
  return [
    'Control endpoint (loopback only; JSON in, {code, message, data} out):',
    `  curl ${origin}/__sim                                  # what is served`,
    `  curl ${origin}/__sim/requests                         # request log`,
    `  curl -X POST ${origin}/__sim/requests/reset`,
    `  curl -X POST ${origin}/__sim/faults -d '{"target":"*","fault":{"kind":"server-error","count":2}}'`,
    `  curl -X POST ${origin}/__sim/faults -d '{"target":"dvc_a1b2c3d4e5f6","fault":{"kind":"latency","ms":3000}}'`,
    `  curl -X POST ${origin}/__sim/faults -d '{"target":"*","fault":null}'   # clear one target`,
    `  curl -X POST ${origin}/__sim/clear                    # clear every fault`,
    `  curl -X POST ${origin}/__sim/tokens/expire            # issued tokens -> 401/2002`,
    `  curl -X POST ${origin}/__sim/tokens/revoke            # issued tokens -> 401/2001`,
    `  curl -X POST ${origin}/__sim/token-ttl -d '{"seconds":120}'`,
    `  curl -X POST ${origin}/__sim/clients -d '{"client_id":"ops","client_secret":"s3cret","scopes":["read"]}'`,
    `  curl -X POST ${origin}/__sim/connectors -d '{"device_id":"dvc_a1b2c3d4e5f6","connector_id":1,"action":"plug-in"}'`,
    '    actions: plug-in (preparing), start (charging from 0 kW), stop (idle), fault, reset (back to the fleet)',
    `  curl -X POST ${origin}/__sim/stream-faults -d '{"kind":"drop"}'   # or stall, malformed, expire (1008)`,
    'Fault kinds: latency {ms}, rate-limit {count, retryAfterSeconds?}, server-error {body?: envelope|html|plain}, connection-reset,',
    '  truncated-json, captive-portal, wrong-content-type, hang, hang-before-headers, deep-nesting {depth?: default 10000},',
    "  bad-token (the token endpoint's access_token carries CR/LF) (each with optional count;",
    "  target is a device id (GET /v1/operator/devices/{id}) or '*' for every request).",
  ].join('\n')
}

/** The --help text. */
export function helpText(): string {
  return [
    'npm run sim -- [options]',
    '',
    'Runs the local Tellus Open Platform API v1.3 simulator (operator side) in the foreground.',
    '',
    'Options:',
    `  --port <n>             port to listen on (default ${DEFAULT_CLI_PORT}; 0 = any free port)`,
    '  --seed <n>             seed of the fleet readings and charging history (default 1)',
    '  --token-ttl <s>        access token lifetime in seconds (default 86400)',
    '  --stream-interval <ms> interval between WebSocket telemetry frames (default 5000)',
    '  --extensions           some chargers report the proposed device extensions (component health, OCPP',
    '                         metadata, product, connectivity, lifecycle); the demo fleet has them on',
    '  --help                 show this text',
    '',
    controlUsage(`http://127.0.0.1:${DEFAULT_CLI_PORT}`),
  ].join('\n')
}

function wholeNumber(name: string, raw: string | undefined, min: number, max: number): number | string | undefined {
  if (raw === undefined) return undefined
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN
  return value >= min && value <= max ? value : `--${name} must be a whole number from ${min} to ${max}, got "${raw}"`
}

/** Parses the arguments after `tsx scripts/sim.ts`. */
export function parseCliArgs(argv: string[]): CliRequest {
  let values: Record<string, string | boolean | undefined>
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        seed: { type: 'string' },
        'token-ttl': { type: 'string' },
        'stream-interval': { type: 'string' },
        extensions: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) }
  }
  if (values.help) return { kind: 'help' }
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined)
  const port = wholeNumber('port', text('port'), 0, 65_535)
  const seed = wholeNumber('seed', text('seed'), 0, 2 ** 32 - 1)
  const ttl = wholeNumber('token-ttl', text('token-ttl'), 1, 10 * 365 * 86_400)
  const interval = wholeNumber('stream-interval', text('stream-interval'), 10, 3_600_000)
  for (const value of [port, seed, ttl, interval]) if (typeof value === 'string') return { kind: 'error', message: value }
  const options: SimulatorOptions = { port: (port as number | undefined) ?? DEFAULT_CLI_PORT, controlEndpoint: true }
  if (seed !== undefined) options.seed = seed as number
  if (ttl !== undefined) options.tokenTtlSeconds = ttl as number
  if (interval !== undefined) options.streamIntervalMs = interval as number
  if (values.extensions) options.extensions = true
  return { kind: 'run', options }
}

/** What `npm run sim` prints once the simulator listens. */
export function banner(handle: SimulatorHandle): string {
  const origin = handle.baseUrl.replace(/\/v1$/, '')
  const deviceLines = DEVICES.map((device) => {
    const site = SITES.find((candidate) => candidate.siteId === device.siteId)
    const status = isOnline(device) ? 'online ' : 'OFFLINE'
    return `  ${device.deviceId}  ${device.model.padEnd(9)}  fw ${device.firmwareVersion.padEnd(6)}  ${status}  ${device.siteId} ${site?.name ?? ''}`
  })
  return [
    'Tellus API simulator (v1.3, operator side) is running.',
    '',
    `Base URL:       ${handle.baseUrl}`,
    `client_id:      ${handle.credentials.clientId}`,
    `client_secret:  ${handle.credentials.clientSecret}`,
    `Stream:         ${handle.baseUrl.replace(/^http/, 'ws')}/operator/stream?devices=<id,id>`,
    '',
    `Devices (${DEVICES.length}):`,
    ...deviceLines,
    '',
    controlUsage(origin),
    '',
    'Press Ctrl-C to stop.',
  ].join('\n')
}
