/**
 * `npm run sim`: runs the local Tellus Open Platform API v1.3 simulator (operator side) in the
 * foreground on 127.0.0.1 and prints its base URL, the demo client_id / client_secret and the
 * devices it serves. Ctrl-C closes it.
 *
 *   npm run sim -- --port 4010 --seed 1 --token-ttl 86400 --stream-interval 5000
 *   npm run sim -- --help
 *
 * Drive it from another shell through the loopback-only control endpoint (JSON bodies):
 *   curl http://127.0.0.1:4010/__sim                          what is served
 *   curl http://127.0.0.1:4010/__sim/requests                 request log
 *   curl -X POST http://127.0.0.1:4010/__sim/requests/reset
 *   curl -X POST http://127.0.0.1:4010/__sim/faults -d '{"target":"*","fault":{"kind":"server-error","count":2}}'
 *   curl -X POST http://127.0.0.1:4010/__sim/faults -d '{"target":"dvc_a1b2c3d4e5f6","fault":{"kind":"hang"}}'
 *   curl -X POST http://127.0.0.1:4010/__sim/faults -d '{"target":"*","fault":null}'     clear one target
 *   curl -X POST http://127.0.0.1:4010/__sim/clear                                       clear all faults
 *   curl -X POST http://127.0.0.1:4010/__sim/tokens/expire     (or /tokens/revoke)
 *   curl -X POST http://127.0.0.1:4010/__sim/token-ttl -d '{"seconds":120}'
 *   curl -X POST http://127.0.0.1:4010/__sim/clients -d '{"client_id":"ops","client_secret":"s3cret","scopes":["read"]}'
 * Fault kinds: latency {ms}, rate-limit {count, retryAfterSeconds?}, server-error, connection-reset,
 * truncated-json, captive-portal, wrong-content-type, hang, hang-before-headers (optional count).
 */
import { banner, helpText, parseCliArgs } from '@main/simulator/cli'
import { startSimulator } from '@main/simulator/index'

async function main(): Promise<void> {
  const request = parseCliArgs(process.argv.slice(2))
  if (request.kind === 'help') {
    console.log(helpText())
    return
  }
  if (request.kind === 'error') {
    console.error(`${request.message}\n\n${helpText()}`)
    process.exitCode = 2
    return
  }
  const simulator = await startSimulator(request.options)
  console.log(banner(simulator))
  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    console.log('\nStopping the simulator…')
    void simulator.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  console.error(code === 'EADDRINUSE' ? 'That port is in use: pick another with --port (0 = any free port).' : error)
  process.exitCode = 1
})
