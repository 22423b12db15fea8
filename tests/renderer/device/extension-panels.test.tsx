/**
 * The panels of the proposed device extensions: component health (gauges as meters with the
 * findings' severity, every value with unit and meaning, per connector on the cards) and
 * connectivity and protocol; neither for a charger without extensions; a malformed extension shown
 * verbatim without hiding the rest of the device.
 */
import { cleanup, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { deviceData } from '../support/fixtures'
import { showDevice } from '../support/show-device'

afterEach(cleanup)

const meter = (scope: HTMLElement, name: string) => within(scope).getByRole('meter', { name })
const now = Date.now()
const iso = (msAgo: number) => new Date(now - msAgo).toISOString()

describe('extension panels', () => {
  it('a charger without extensions shows neither panel nor an empty box', async () => {
    await showDevice(deviceData())
    expect(screen.queryByRole('region', { name: 'Component health' })).toBeNull()
    expect(screen.queryByRole('region', { name: 'Connectivity and protocol' })).toBeNull()
    expect(screen.queryByRole('meter')).toBeNull()
    expect(screen.queryByText('Component health')).toBeNull()
    expect(document.querySelector('.connector-health, .extension-facts, .gauge')).toBeNull()
  })

  it('shows the charger’s component health as meters judged by the findings, with units and meanings', async () => {
    await showDevice(
      deviceData({
        component_health: {
          contactor_cycles: 84_500,
          cooling_fan_rpm: 1_240,
          cooling_fan_status: 'warning',
          isolation_test_kohms: 640,
          last_isolation_test: iso(3 * 3_600_000),
          relay_state: 'welded-shut',
          internal_temps: { power_module: 54.2, control_board: 41, ac_inlet: 33, dc_outlet: 92 },
        },
      }),
    )
    const panel = screen.getByRole('region', { name: 'Component health' })
    // No max reported on a DC charger: the F-0101 default of 100,000 cycles, said so.
    const wear = meter(panel, 'Contactor wear')
    expect(wear.getAttribute('aria-valuenow')).toBe('84500')
    expect(wear.getAttribute('aria-valuemin')).toBe('0')
    expect(wear.getAttribute('aria-valuemax')).toBe('100000')
    expect(wear.getAttribute('aria-valuetext')).toBe('84,500 of 100,000 cycles (85 %); Warning')
    expect(panel.textContent).toContain('Rated cycles not reported: the typical 100,000 for DC contactors (F-0101).')
    expect(meter(panel, 'Cooling fan speed').getAttribute('aria-valuetext')).toBe('1,240 RPM (69 % of nominal); Warning')
    expect(panel.textContent).toContain('Nominal 1,800 RPM')
    expect(meter(panel, 'Isolation resistance').getAttribute('aria-valuetext')).toBe('640 kΩ; Critical')
    expect(panel.textContent).toContain('Passes above 1 MΩ')
    expect(meter(panel, 'DC outlet temperature').getAttribute('aria-valuetext')).toBe('92.0 °C; Critical')
    expect(meter(panel, 'Power module temperature').getAttribute('aria-valuetext')).toBe('54.2 °C; OK')
    expect(within(panel).getAllByRole('meter')).toHaveLength(7)
    // Colour AND words on each gauge; a jump to the finding where a rule fired.
    expect(panel.querySelector('.gauge-tone-crit')).not.toBeNull()
    expect(within(panel).getAllByRole('link', { name: 'See the finding' }).length).toBeGreaterThanOrEqual(4)
    // The other values with meaning; an unlisted relay state verbatim and marked.
    expect(panel.textContent).toContain('Cooling fan status')
    expect(panel.textContent).toContain("The charger's own judgement of its fan.")
    expect(within(panel).getByText('welded-shut').closest('.extension-unlisted')).not.toBeNull()
    expect(panel.textContent).toContain('(unlisted value)')
    expect(panel.textContent).toMatch(/Last isolation test\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC[^(]*\(3 h( \d+ min)? ago\)/)
  })

  it('puts a connector’s component health on its card, with V2G-only fields when present', async () => {
    await showDevice(
      deviceData({
        model: 'TP-DC360',
        connectors: [
          { connector_id: 1, status: 'idle', component_health: { contactor_cycles: 9_800, contactor_max_cycles: 10_000, relay_state: 'closed' } },
          {
            connector_id: 2,
            status: 'idle',
            component_health: { bidirectional_inverter_cycles: 46_200, bidirectional_inverter_max_cycles: 50_000, harmonic_distortion_v2g_pct: 2.8, discharge_contactor_cycles: 4_120 },
          },
        ],
      }),
    )
    expect(screen.queryByRole('region', { name: 'Component health' })).toBeNull()
    const one = screen.getByRole('article', { name: 'Connector 1' })
    expect(meter(one, 'Contactor wear').getAttribute('aria-valuetext')).toBe('9,800 of 10,000 cycles (98 %); Warning')
    expect(one.textContent).toContain('Rated cycles as reported by the charger.')
    expect(one.textContent).toContain('Relayclosed')
    const two = screen.getByRole('article', { name: 'Connector 2' })
    expect(meter(two, 'V2G inverter wear').getAttribute('aria-valuetext')).toBe('46,200 of 50,000 cycles (92 %); Warning')
    expect(meter(two, 'Discharge contactor wear').getAttribute('aria-valuetext')).toBe('4,120 of 100,000 cycles (4 %); OK')
    expect(two.textContent).toContain('V2G harmonic distortion2.8 %')
  })

  it('shows connectivity and protocol: OCPP version, rate per minute, last message age, features, signal with unit, warranty, unknown values verbatim', async () => {
    await showDevice(
      deviceData({
        ocpp_version: '2.1-draft',
        ocpp_csms_messages_per_minute: 0,
        ocpp_csms_last_message_at: iso(26 * 60_000),
        ocpp_negotiated_features: ['Core', 'SmartCharging'],
        connectivity: { type: 'satellite', signal_strength_dbm: -109 },
        lifecycle: { activation_status: 'pending_transfer', warranty_expires_at: iso(30 * 86_400_000) },
      }),
    )
    const panel = screen.getByRole('region', { name: 'Connectivity and protocol' })
    const text = panel.textContent ?? ''
    expect(text).toContain('2.1-draft')
    expect(text).toContain('0.0 msg/min')
    expect(text).toMatch(/Last CSMS message\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC[^(]*\(26 min( \d+ s)? ago\)/)
    expect(text).toContain('Core, SmartCharging')
    expect(text).toContain('-109 dBm')
    expect(text).toContain('satellite')
    expect(text).toContain('pending_transfer')
    expect(within(panel).getByText('Expired')).toBeTruthy()
    // The silent CSMS finding marks the value it is about.
    const last = within(panel).getByText('Last CSMS message').closest('.extension-fact') as HTMLElement
    expect(last.className).toContain('extension-fact-warning')
    expect(within(last).getByText('Warning')).toBeTruthy()
    expect(screen.queryByRole('region', { name: 'Component health' })).toBeNull()
  })

  it('a malformed extension is shown verbatim and hides nothing else', async () => {
    await showDevice(
      deviceData({
        component_health: { contactor_cycles: 'lots', cooling_fan_rpm: 1_900 },
        connectivity: 'wifi please',
        ocpp_version: '1.6-J',
        connectors: [{ connector_id: 1, status: 'idle', voltage: 231, component_health: 'broken' }],
      }),
    )
    const health = screen.getByRole('region', { name: 'Component health' })
    expect(meter(health, 'Cooling fan speed')).toBeTruthy()
    expect(within(health).queryByRole('meter', { name: 'Contactor wear' })).toBeNull()
    expect(health.textContent).toContain('component_health.contactor_cycles: "lots"')
    const connectivity = screen.getByRole('region', { name: 'Connectivity and protocol' })
    expect(connectivity.textContent).toContain('1.6-J')
    expect(connectivity.textContent).toContain('connectivity: "wifi please"')
    const card = screen.getByRole('article', { name: 'Connector 1' })
    expect(card.textContent).toContain('231 V')
    expect(card.textContent).toContain('component_health: "broken"')
    expect(screen.getByRole('region', { name: 'Device details' })).toBeTruthy()
  })
})
