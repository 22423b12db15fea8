import { describe, expect, it } from 'vitest'
import { diagnoseDevice } from '@common/diagnostics/diagnose-device'
import { judgeDevice } from '@common/diagnostics/verdict'
import { NOW, ago, connector, device } from './device-fixtures'

const judge = (fields: Parameters<typeof device>[0]) => {
  const d = device(fields)
  return judgeDevice(d, diagnoseDevice(d, { now: NOW }))
}

describe('judgeDevice', () => {
  it('calls an online charger with fresh data and no problems healthy', () => {
    const verdict = judge({ connectors: [connector({ status: 'idle' }), connector({ connector_id: 2, status: 'idle' })] })
    expect(verdict).toEqual({ state: 'healthy', worst: null, problems: [] })
  })

  it('says a charger with a hot connector needs attention, with the warning as its problem', () => {
    const verdict = judge({ model: 'AC-7kW-V2', connectors: [connector({ status: 'charging', temperature: 70.7, power: 3.6, current: 16, voltage: 230, last_telemetry_time: ago(2000) })] })
    expect(verdict.state).toBe('needs-attention')
    expect(verdict.worst).toBe('warning')
    expect(verdict.problems.map((p) => p.ruleId)).toEqual(['connector-over-temperature'])
  })

  it('keeps a charger with one faulted and one idle connector in "needs attention"', () => {
    const verdict = judge({ connectors: [connector({ status: 'fault' }), connector({ connector_id: 2, status: 'idle' })] })
    expect(verdict.state).toBe('needs-attention')
    expect(verdict.worst).toBe('critical')
  })

  it('says out of service when no connector can charge', () => {
    const verdict = judge({ connectors: [connector({ status: 'fault' }), connector({ connector_id: 2, status: 'unavailable' })] })
    expect(verdict.state).toBe('out-of-service')
  })

  it('says out of service when the charger is offline', () => {
    const verdict = judge({ status: 'offline', last_heartbeat: ago(3 * 3_600_000), connectors: [connector({ status: 'idle' })] })
    expect(verdict.state).toBe('out-of-service')
    expect(verdict.problems[0]?.ruleId).toBe('device-offline')
  })

  it('leaves info findings out of the problems and the state', () => {
    const verdict = judge({ connectors: [connector({ status: 'preparing' })] })
    expect(verdict.state).toBe('healthy')
    expect(verdict.worst).toBe('info')
    expect(verdict.problems).toEqual([])
  })
})
