/** Reading request bodies with a size cap. */
import type { IncomingMessage } from 'node:http'

/** Largest request body the simulator reads (bytes). */
export const MAX_BODY_BYTES = 64 * 1024

/** Thrown when a body exceeds MAX_BODY_BYTES. */
export class BodyTooLargeError extends Error {
  constructor() {
    super(`request body is larger than ${MAX_BODY_BYTES} bytes`)
  }
}

/** Reads the whole body as UTF-8; rejects when it is too large or the client goes away first. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLargeError())
        req.resume()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
    req.on('close', () => reject(new Error('client went away before the body was complete')))
  })
}
