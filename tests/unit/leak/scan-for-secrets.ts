/**
 * Binary-safe search for secret strings in files, log lines and serialised values. A secret is
 * looked for as UTF-8, UTF-16LE, base64 and base64url, so a re-encoded copy is found too.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

/** One place a secret was found. */
export interface Leak {
  /** The secret's label (e.g. "client secret", "access token #2"). */
  secret: string
  /** Where it was found (a file path, "log line 12", "IPC result #4 (fetchDevice)"). */
  where: string
  /** How it was encoded there. */
  encoding: string
}

/** A secret to look for, with a label that is safe to print (never the secret itself). */
export interface Canary {
  label: string
  value: string
}

function encodings(value: string): Array<{ encoding: string; bytes: Buffer }> {
  return [
    { encoding: 'utf8', bytes: Buffer.from(value, 'utf8') },
    { encoding: 'utf16le', bytes: Buffer.from(value, 'utf16le') },
    { encoding: 'base64', bytes: Buffer.from(Buffer.from(value, 'utf8').toString('base64'), 'utf8') },
    { encoding: 'base64url', bytes: Buffer.from(Buffer.from(value, 'utf8').toString('base64url'), 'utf8') },
  ]
}

/** Every canary found in `bytes`, reported as being at `where`. */
export function scanBytes(bytes: Buffer, where: string, canaries: readonly Canary[]): Leak[] {
  const leaks: Leak[] = []
  for (const canary of canaries) {
    for (const { encoding, bytes: needle } of encodings(canary.value)) {
      if (bytes.includes(needle)) leaks.push({ secret: canary.label, where, encoding })
    }
  }
  return leaks
}

/** Every canary found in a text. */
export function scanText(text: string, where: string, canaries: readonly Canary[]): Leak[] {
  return scanBytes(Buffer.from(text, 'utf8'), where, canaries)
}

/** Every file under `root`, recursively (symlinks are not followed). */
export async function listFilesRecursively(root: string): Promise<string[]> {
  const files: string[] = []
  for (const entry of await readdir(root, { withFileTypes: true })) {
    const path = join(root, entry.name)
    if (entry.isDirectory()) files.push(...(await listFilesRecursively(path)))
    else if (entry.isFile()) files.push(path)
  }
  return files
}

/** Every canary in every file under `root`, read as raw bytes. */
export async function scanTree(root: string, canaries: readonly Canary[]): Promise<{ files: string[]; leaks: Leak[] }> {
  const files = await listFilesRecursively(root)
  const leaks: Leak[] = []
  for (const file of files) leaks.push(...scanBytes(await readFile(file), file, canaries))
  return { files, leaks }
}
