/** `GET /v1/operator/sites`: sites, paginated, optionally filtered by `status` (active | inactive). */
import { type Reply, invalidParameter, success } from '../envelope'
import { SITES } from '../fleet'
import { siteView } from '../site-view'
import type { RouteContext } from './route'
import { pageOf, parsePaging } from './pagination'

/** Lists sites: 400/1001 for a bad page, size or status. */
export function sitesRoute(context: RouteContext): Reply {
  const paging = parsePaging(context.url)
  if (!paging.ok) return paging.reply
  const status = context.url.searchParams.get('status')
  if (status !== null && status !== 'active' && status !== 'inactive') {
    return invalidParameter('status', status, 'status must be active or inactive')
  }
  const sites = SITES.filter((site) => status === null || site.status === status).map(siteView)
  return success(pageOf(sites, paging.value))
}
