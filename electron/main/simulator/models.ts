/** Charger models the simulated fleet is built from. */

/** Model names in the fleet. */
export type ModelName = 'AC-7kW-V2' | 'TP-AC22' | 'TP-DC60' | 'TP-DC180' | 'TP-DC360'

/** What a model is: its output type and ratings. */
export interface ModelSpec {
  model: ModelName
  current: 'AC' | 'DC'
  phases: 1 | 3
  /** Installed power of the whole unit (kW). */
  ratedPowerKw: number
  /** Most one connector delivers (kW). */
  connectorMaxKw: number
  /** Connector temperature warning level (F-0203): 65 °C AC, 75 °C DC. */
  overTemperatureC: number
}

/** Every model by name. */
export const MODELS: Record<ModelName, ModelSpec> = {
  'AC-7kW-V2': { model: 'AC-7kW-V2', current: 'AC', phases: 1, ratedPowerKw: 7.4, connectorMaxKw: 7.4, overTemperatureC: 65 },
  'TP-AC22': { model: 'TP-AC22', current: 'AC', phases: 3, ratedPowerKw: 22, connectorMaxKw: 22, overTemperatureC: 65 },
  'TP-DC60': { model: 'TP-DC60', current: 'DC', phases: 3, ratedPowerKw: 60, connectorMaxKw: 60, overTemperatureC: 75 },
  'TP-DC180': { model: 'TP-DC180', current: 'DC', phases: 3, ratedPowerKw: 180, connectorMaxKw: 150, overTemperatureC: 75 },
  'TP-DC360': { model: 'TP-DC360', current: 'DC', phases: 3, ratedPowerKw: 360, connectorMaxKw: 300, overTemperatureC: 75 },
}

/** Nominal single-phase mains voltage at AC connectors (V). */
export const MAINS_VOLTAGE = 230

