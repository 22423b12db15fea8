/** What the keychain scenario child process and the tests that start it share. */

/** The demo profile the scenario's ProfileService is given. */
export const SCENARIO_DEMO = {
  baseUrl: 'http://127.0.0.1:4010',
  credentials: { clientId: 'demo_field_client', clientSecret: 'demo-fleet-secret' },
}

/** What the scenario prints (JSON): each call's result as returned. */
export interface ScenarioOutcome {
  probe: unknown
  add: unknown
  demo: unknown
  state: unknown
  verifyCalls: number
}
