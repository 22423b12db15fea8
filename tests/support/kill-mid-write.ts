/**
 * Crash tests: run a TypeScript child process that writes in a loop (printing one line per finished
 * write) and kill it with SIGKILL at a chosen moment, as a power cut or a crash would.
 */
import { spawn } from 'node:child_process'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

export interface KilledChild {
  /** Every whole line the child printed before it died (a partial last line is dropped). */
  lines: string[]
  /** Everything the child wrote to stderr. */
  stderr: string
}

/**
 * Starts `childFile` (run with tsx from the repo root, so path aliases resolve) with `args`, waits
 * until it has printed its first whole line, waits `delayMs` more, then kills it with SIGKILL.
 * Rejects when the child exits before printing a line.
 */
export async function killMidWrite(childFile: string, args: string[], delayMs: number): Promise<KilledChild> {
  const proc = spawn(process.execPath, ['--import', 'tsx', childFile, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<void>((done) => proc.once('exit', () => done()))
  await new Promise<void>((started, failed) => {
    proc.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      if (stdout.includes('\n')) started()
    })
    proc.once('exit', (code) => failed(new Error(`child exited (${code}) before its first write: ${stderr}`)))
  })
  await new Promise((wait) => setTimeout(wait, delayMs))
  proc.kill('SIGKILL')
  await exited
  return { lines: stdout.split('\n').slice(0, -1), stderr }
}
