/**
 * Helpers of the offline-snapshots e2e test: a clock the simulator and the services share (so two
 * fetches can be minutes apart without waiting), the snapshots table, and checks on exported files.
 */
import type { Locator, Page } from 'playwright-core'

/** A clock at real time plus an offset the test moves forward ("six minutes later"). */
export interface ShiftedClock {
  now: () => number
  /** Sets how far the clock is from real time, in ms (negative: in the past). */
  setOffset(ms: number): void
}

/** Creates a clock `offsetMs` away from real time. */
export function createShiftedClock(offsetMs: number): ShiftedClock {
  let offset = offsetMs
  return {
    now: () => Date.now() + offset,
    setOffset: (ms) => {
      offset = ms
    },
  }
}

/** The body rows of the snapshots table, newest first. */
export function snapshotRows(page: Page): Locator {
  return page.locator('table.snapshot-table tbody tr')
}

/** The "Open snapshot of <device> from <time>" buttons of a device, newest first. */
export function openButtons(page: Page, deviceId: string): Locator {
  return page.getByRole('button', { name: new RegExp(`^Open snapshot of ${deviceId} from `) })
}

/** The comparison checkboxes of a device's snapshots, newest first. */
export function compareBoxes(page: Page, deviceId: string): Locator {
  return page.getByRole('checkbox', { name: new RegExp(`^Select snapshot of ${deviceId} from `) })
}

/** The offline-copy banner of the device view. */
export function offlineBanner(page: Page): Locator {
  return page.locator('.banner-offline')
}

/**
 * What in an HTML document would make a browser load something from elsewhere (or run code):
 * scripts, external src/href/url()/@import, and which of those were found.
 */
export function externalReferences(html: string): string[] {
  const patterns: Array<[string, RegExp]> = [
    ['script element', /<script/i],
    ['inline event handler', /\son[a-z]+\s*=/i],
    ['external src/href', /\s(?:src|href|action|srcset|poster|data)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:)?\/\//i],
    ['javascript: URL', /javascript:/i],
    ['CSS url() to elsewhere', /url\(\s*["']?\s*(?:[a-z][a-z0-9+.-]*:)?\/\//i],
    ['CSS @import', /@import/i],
    ['link element', /<link\b/i],
    ['iframe/object/embed', /<(?:iframe|object|embed)\b/i],
  ]
  return patterns.filter(([, pattern]) => pattern.test(html)).map(([label]) => label)
}
