/**
 * Every live age on screen follows the shared clock through one listener. An age's text is
 * written only when it changes (each second under a minute, each minute from one minute, each
 * hour from one day: `msUntilAgeChanges`), and only while the age is near the viewport; one
 * further away (the 150th connector card) is brought up to date as it comes near. So 200 ages cost
 * one short loop a second while idle, not 200 updates and a repaint (issue 19).
 */
import { formatAge, msUntilAgeChanges } from '@common/format/duration'
import { sharedClock, type SharedClock } from './shared-clock'

/** What an age shows at one moment: its text and whether it is past its stale limit. */
export function ageAt(then: number, now: number, staleAfterMs: number | undefined): { text: string; stale: boolean } {
  const age = now - then
  return { text: formatAge(age), stale: staleAfterMs !== undefined && age > staleAfterMs }
}

/** The elements of one age on screen and what it measures. */
export interface FollowedAge {
  /** Carries the `age-stale` class past the limit. */
  root: HTMLElement
  /** Holds the age text. */
  time: HTMLElement
  /** Holds the word "stale" past the limit (absent without a limit). */
  mark: HTMLElement | null
  /** The moment the age counts from (epoch ms). */
  then: number
  staleAfterMs: number | undefined
}

interface Entry extends FollowedAge {
  /** Whether the age is within a viewport's height of the visible area. */
  near: boolean
  /** The earliest tick at which its text or stale mark can change. */
  dueAt: number
}

/** How far outside the visible area ages are still kept up to date (one viewport above and below). */
const NEAR_MARGIN = '100% 0px'

/** The ages on screen and the one clock listener and viewport observer they share. */
export class AgeFollower {
  private readonly entries = new Map<Element, Entry>()
  private stopClock: (() => void) | null = null
  private observer: IntersectionObserver | null = null

  constructor(private readonly clock: SharedClock) {}

  /** Starts keeping an age's text current; returns the function that stops it. */
  follow(age: FollowedAge): () => void {
    const entry: Entry = { ...age, near: true, dueAt: 0 }
    this.entries.set(age.root, entry)
    this.write(entry, this.clock.now())
    this.stopClock ??= this.clock.subscribe((now) => this.tick(now))
    this.viewportObserver()?.observe(age.root)
    return () => {
      this.observer?.unobserve(age.root)
      this.entries.delete(age.root)
      if (this.entries.size === 0) {
        this.stopClock?.()
        this.stopClock = null
      }
    }
  }

  /** How many ages are followed (for tests). */
  get size(): number {
    return this.entries.size
  }

  private tick(now: number): void {
    for (const entry of this.entries.values()) if (entry.near && now >= entry.dueAt) this.write(entry, now)
  }

  private write(entry: Entry, now: number): void {
    const { text, stale } = ageAt(entry.then, now, entry.staleAfterMs)
    if (entry.time.textContent !== text) entry.time.textContent = text
    const markText = stale ? 'stale' : ''
    if (entry.mark && entry.mark.textContent !== markText) {
      entry.mark.textContent = markText
      entry.root.classList.toggle('age-stale', stale)
    }
    const becomesStaleAt = entry.staleAfterMs !== undefined && !stale ? entry.then + entry.staleAfterMs + 1 : Number.POSITIVE_INFINITY
    entry.dueAt = Math.min(now + msUntilAgeChanges(now - entry.then), becomesStaleAt)
  }

  /** One observer for every age; none where the engine has no IntersectionObserver (every age then counts as near). */
  private viewportObserver(): IntersectionObserver | null {
    if (this.observer === null && typeof IntersectionObserver === 'function') {
      this.observer = new IntersectionObserver(
        (records) => {
          for (const record of records) {
            const entry = this.entries.get(record.target)
            if (!entry) continue
            entry.near = record.isIntersecting
            if (entry.near) this.write(entry, this.clock.now())
          }
        },
        { rootMargin: NEAR_MARGIN },
      )
    }
    return this.observer
  }
}

/** The follower every `Age` uses. */
export const ageFollower = new AgeFollower(sharedClock)
