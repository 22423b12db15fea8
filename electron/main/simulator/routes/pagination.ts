/** Query parameter parsing shared by the paginated routes (v1.3 `PageNumber` / `PageSize`). */
import { type Reply, invalidParameter } from '../envelope'

/** Page and size of a paginated request. */
export interface Paging {
  page: number
  size: number
}

/** A parsed value, or the 400 reply that rejects the request. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reply: Reply }

/** Parses an optional whole-number parameter within [min, max]; 400/1001 otherwise. */
export function parseIntParam(url: URL, name: string, fallback: number | undefined, min: number, max: number): Parsed<number | undefined> {
  const raw = url.searchParams.get(name)
  if (raw === null) return { ok: true, value: fallback }
  const value = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN
  if (!(value >= min && value <= max)) {
    return { ok: false, reply: invalidParameter(name, raw, `${name} must be a whole number from ${min} to ${max}`) }
  }
  return { ok: true, value }
}

/** Parses `page` (≥ 1, default 1) and `size` (1–100, default 20). */
export function parsePaging(url: URL): Parsed<Paging> {
  const page = parseIntParam(url, 'page', 1, 1, 999_999_999)
  if (!page.ok) return page
  const size = parseIntParam(url, 'size', 20, 1, 100)
  if (!size.ok) return size
  return { ok: true, value: { page: page.value ?? 1, size: size.value ?? 20 } }
}

/** The `data` of a paginated response: one page of `items`. */
export function pageOf<T>(items: readonly T[], paging: Paging): { items: T[]; total: number; page: number; size: number } {
  const start = (paging.page - 1) * paging.size
  return { items: items.slice(start, start + paging.size), total: items.length, page: paging.page, size: paging.size }
}
