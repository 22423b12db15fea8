/** A small WebSocket client for the stream tests: frames collected as they arrive, refusals read in full. */
import { afterEach } from 'vitest'
import WebSocket from 'ws'
import { pause } from './support'

/** An open stream. */
export interface OpenStream {
  ok: true
  ws: WebSocket
  frames: Array<{ device_id: string; timestamp: string; connectors: Array<Record<string, unknown>> }>
  /** Resolves with the close code and reason once the socket closes. */
  closed: Promise<{ code: number; reason: string }>
}

/** A refused or failed handshake. */
export interface FailedStream {
  ok: false
  status?: number
  contentType?: string
  body?: unknown
  error?: Error
}

const opened: WebSocket[] = []
afterEach(() => {
  for (const ws of opened.splice(0)) ws.terminate()
})

/** Connects to the stream URL with optional handshake headers. */
export function connectStream(url: string, headers: Record<string, string> = {}): Promise<OpenStream | FailedStream> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers })
    opened.push(ws)
    const frames: OpenStream['frames'] = []
    const closed = new Promise<{ code: number; reason: string }>((resolveClose) => {
      ws.on('close', (code, reason) => resolveClose({ code, reason: reason.toString() }))
    })
    ws.on('message', (data) => frames.push(JSON.parse(String(data)) as OpenStream['frames'][number]))
    ws.once('open', () => resolve({ ok: true, ws, frames, closed }))
    ws.once('unexpected-response', (req, res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        let body: unknown = text
        try {
          body = JSON.parse(text)
        } catch {
          // keep the text
        }
        resolve({ ok: false, status: res.statusCode, contentType: res.headers['content-type'], body })
        req.destroy()
      })
    })
    ws.on('error', (error) => resolve({ ok: false, error }))
  })
}

/** Waits until `frames` holds at least `count` frames. */
export async function waitForFrames(frames: unknown[], count: number): Promise<void> {
  while (frames.length < count) await pause(5)
}

/** The ws:// URL of the stream for a simulator base URL. */
export function streamUrl(baseUrl: string, query: string): string {
  return `${baseUrl.replace(/^http/, 'ws')}/operator/stream?${query}`
}
