import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { SnapshotHealth } from '@common/snapshots/snapshot-health'
import { HealthMark } from '@renderer/components/health-mark'

const hot: SnapshotHealth = {
  level: 'warning',
  worst: { ruleId: 'connector-over-temperature', severity: 'warning', connectorId: 2, message: 'Connector 2 is at 70.7 °C, over the 65 °C warning level.' },
  findingCount: 3,
  problem: null,
}

describe('HealthMark', () => {
  it.each([
    [hot, 'Warning', 'tone-warn', /70\.7 °C.*\(\+2 more\)/],
    [{ level: 'healthy', worst: null, findingCount: 0, problem: null }, 'No findings', 'tone-ok', null],
    [{ level: 'unreadable', worst: null, findingCount: 0, problem: 'Unreadable payload: status: expected string' }, 'Unreadable', 'tone-neutral', /Unreadable payload/],
  ] as const)('%#: shows the word, the tone and the one line', (health, word, tone, line) => {
    const { container } = render(<HealthMark health={health} />)
    expect(screen.getByText(word).closest('.badge')?.classList.contains(tone)).toBe(true)
    expect(container.querySelector('.badge svg')).not.toBeNull()
    const text = container.querySelector('.health-mark-line')?.textContent ?? null
    if (line === null) expect(text).toBeNull()
    else expect(text).toMatch(line)
  })

  it('compact: the line moves to the title', () => {
    const { container } = render(<HealthMark health={hot} compact />)
    expect(container.querySelector('.health-mark-line')).toBeNull()
    expect(container.querySelector('.health-mark')?.getAttribute('title')).toMatch(/70\.7 °C.*\(\+2 more\)/)
  })
})
