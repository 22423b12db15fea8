/** Masks a client_id for display: every character but the last 4 becomes "•". */
export function maskClientId(clientId: string): string {
  const chars = Array.from(clientId)
  const shown = Math.max(0, chars.length - 4)
  return '•'.repeat(shown) + chars.slice(shown).join('')
}
