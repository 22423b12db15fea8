/** Hosts whose pages the app may open in the system browser (Tellus documentation and console). */
export const EXTERNAL_LINK_HOSTS: readonly string[] = ['developers.telluspowergroup.com', 'console.telluspowergroup.com']

/** True only for https URLs on an allow-listed host, with no credentials in them. */
export function isAllowedExternalUrl(raw: string, hosts: readonly string[] = EXTERNAL_LINK_HOSTS): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  return url.protocol === 'https:' && !url.username && !url.password && hosts.includes(url.hostname)
}
