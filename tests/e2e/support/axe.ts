/**
 * Automated accessibility checks with axe-core in the browser shell.
 *
 * The page's CSP (`script-src 'self'`) refuses inline scripts, and Playwright's
 * `page.addScriptTag({ path })` injects the file as an inline script, so it is refused too. Instead
 * the axe source is evaluated through the DevTools protocol (`page.evaluate(source)`), which the CSP
 * does not govern. The app's own CSP stays on: no `bypassCSP` is needed.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { AxeResults, ImpactValue, RunOptions } from 'axe-core'
import type { Page } from 'playwright-core'
import { useTheme } from './e2e-shell'

/** One axe violation, reduced to what a failure message needs. */
export interface AxeViolation {
  id: string
  impact: ImpactValue | null
  help: string
  helpUrl: string
  nodes: { target: string; html: string; summary: string }[]
}

/** The impacts a screen must not have. */
export const BLOCKING_IMPACTS: readonly ImpactValue[] = ['serious', 'critical']

let axeSource: string | null = null

/** Reads axe.min.js once from node_modules. */
async function loadAxeSource(): Promise<string> {
  axeSource ??= await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
  return axeSource
}

/** Defines `window.axe` in the page unless it is there already (a reload removes it). */
export async function injectAxe(page: Page): Promise<void> {
  const present = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object')
  if (present) return
  await page.evaluate(await loadAxeSource())
}

/** Runs axe over the whole page (WCAG 2.x A/AA rules plus best practices) and returns every violation. */
export async function runAxe(page: Page, options: RunOptions = {}): Promise<AxeViolation[]> {
  await injectAxe(page)
  const results = await page.evaluate(async (runOptions) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: RunOptions): Promise<AxeResults> } }).axe
    return axe.run(document, { resultTypes: ['violations'], ...runOptions })
  }, options)
  return results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact ?? null,
    help: violation.help,
    helpUrl: violation.helpUrl,
    nodes: violation.nodes.map((node) => ({ target: node.target.join(' '), html: node.html, summary: node.failureSummary ?? '' })),
  }))
}

/** The violations with a serious or critical impact. */
export function blockingViolations(violations: readonly AxeViolation[]): AxeViolation[] {
  return violations.filter((violation) => violation.impact !== null && BLOCKING_IMPACTS.includes(violation.impact))
}

/** A readable report of violations, for a failed assertion's message. */
export function formatViolations(screen: string, violations: readonly AxeViolation[]): string {
  if (violations.length === 0) return `${screen}: no violations`
  const lines = violations.flatMap((violation) => [
    `${screen}: [${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help} (${violation.helpUrl})`,
    ...violation.nodes.slice(0, 5).map((node) => `    at ${node.target}\n      ${node.html.slice(0, 200)}\n      ${node.summary.replace(/\n/g, '\n      ')}`),
    ...(violation.nodes.length > 5 ? [`    … and ${violation.nodes.length - 5} more`] : []),
  ])
  return lines.join('\n')
}

/** The serious and critical axe violations of the page in the sunlight and the dark theme, formatted (empty when none); leaves the sunlight theme on. */
export async function blockingAxeInBothThemes(page: Page, what: string): Promise<string[]> {
  const found: string[] = []
  for (const theme of ['sunlight', 'dark'] as const) {
    await useTheme(page, theme)
    const blocking = blockingViolations(await runAxe(page))
    if (blocking.length > 0) found.push(formatViolations(`${what} (${theme})`, blocking))
  }
  await useTheme(page, 'sunlight')
  return found
}
