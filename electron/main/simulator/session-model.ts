/**
 * How a vehicle session progresses: power ramps up over the first minute, holds while the battery
 * takes full power, then tapers exponentially towards 100 % (constant-current / constant-voltage).
 * Discharge (V2G) ramps to a constant negative power. All closed-form, so any instant is cheap.
 */
import type { SessionSpec } from './fleet'

/** Power, energy and state of charge at one instant of a session. */
export interface SessionPoint {
  /** kW; negative while discharging. */
  powerKw: number
  /** kWh since the session started; negative while discharging. */
  energyKwh: number
  /** Vehicle state of charge (%), unrounded. */
  soc: number
}

/** Seconds the power takes to ramp from 0 to full at the start of a session. */
export const RAMP_SECONDS = 60

/** The kind of session a connector state implies. */
export type SessionKind = 'charge' | 'discharge' | 'plugged'

/** Energy (kWh) of a profile that ramps linearly to `powerKw` over RAMP_SECONDS, then holds. */
function rampedEnergyKwh(powerKw: number, seconds: number): number {
  if (seconds <= RAMP_SECONDS) return (powerKw * seconds * seconds) / (2 * RAMP_SECONDS) / 3600
  return (powerKw * (RAMP_SECONDS / 2 + seconds - RAMP_SECONDS)) / 3600
}

function rampedPowerKw(powerKw: number, seconds: number): number {
  return seconds < RAMP_SECONDS ? (powerKw * seconds) / RAMP_SECONDS : powerKw
}

interface ChargeShape {
  kneeSoc: number
  kneeEnergyKwh: number
  kneeSeconds: number
  kneePowerKw: number
  tauSeconds: number
}

function chargeShape(session: SessionSpec, current: 'AC' | 'DC'): ChargeShape {
  const kneeSoc = session.kneeSoc ?? (current === 'DC' ? 80 : 95)
  const power = session.powerKw
  const kneeEnergyKwh = Math.max(0, ((kneeSoc - session.socStart) / 100) * session.batteryKwh)
  const rampEnergy = rampedEnergyKwh(power, RAMP_SECONDS)
  const kneeSeconds =
    kneeEnergyKwh >= rampEnergy
      ? (kneeEnergyKwh * 3600) / power + RAMP_SECONDS / 2
      : Math.sqrt((2 * RAMP_SECONDS * kneeEnergyKwh * 3600) / power)
  const kneePowerKw = rampedPowerKw(power, kneeSeconds)
  const tauSeconds = (((100 - kneeSoc) / 100) * session.batteryKwh * 3600) / Math.max(kneePowerKw, 0.1)
  return { kneeSoc, kneeEnergyKwh, kneeSeconds, kneePowerKw, tauSeconds }
}

/** The session's state `elapsedSeconds` after it started. */
export function sessionPoint(session: SessionSpec, kind: SessionKind, current: 'AC' | 'DC', elapsedSeconds: number): SessionPoint {
  const t = Math.max(0, elapsedSeconds)
  if (kind === 'plugged' || session.powerKw <= 0) return { powerKw: 0, energyKwh: 0, soc: session.socStart }
  if (kind === 'discharge') {
    const energyKwh = -rampedEnergyKwh(session.powerKw, t)
    const soc = session.socStart + (energyKwh / session.batteryKwh) * 100
    return { powerKw: -rampedPowerKw(session.powerKw, t), energyKwh, soc: Math.max(soc, session.minSoc ?? 30) }
  }
  const shape = chargeShape(session, current)
  if (t <= shape.kneeSeconds) {
    const energyKwh = rampedEnergyKwh(session.powerKw, t)
    return { powerKw: rampedPowerKw(session.powerKw, t), energyKwh, soc: session.socStart + (energyKwh / session.batteryKwh) * 100 }
  }
  const decay = Math.exp(-(t - shape.kneeSeconds) / shape.tauSeconds)
  const energyKwh = shape.kneeEnergyKwh + ((shape.kneePowerKw * shape.tauSeconds) / 3600) * (1 - decay)
  return {
    powerKw: shape.kneePowerKw * decay,
    energyKwh,
    soc: Math.min(100, session.socStart + (energyKwh / session.batteryKwh) * 100),
  }
}

/**
 * How long one session lasts before the next vehicle arrives (s): until the battery reaches 99 %
 * when charging, or its minimum state of charge when discharging.
 */
export function sessionCycleSeconds(session: SessionSpec, kind: SessionKind, current: 'AC' | 'DC'): number {
  if (kind === 'plugged' || session.powerKw <= 0) return 3600
  if (kind === 'discharge') {
    const energyKwh = ((session.socStart - (session.minSoc ?? 30)) / 100) * session.batteryKwh
    return (energyKwh * 3600) / session.powerKw + RAMP_SECONDS / 2
  }
  const shape = chargeShape(session, current)
  return shape.kneeSeconds + shape.tauSeconds * Math.log(Math.max(100 - shape.kneeSoc, 1.01))
}
