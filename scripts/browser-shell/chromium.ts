/** Debian's Chromium, driven by playwright-core (browser downloads are impossible on these machines). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

/** Path of the Chromium binary: $CHROMIUM_PATH, else /usr/bin/chromium. */
export function chromiumExecutable(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
}
