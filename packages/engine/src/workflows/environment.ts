import type { EnvironmentGate } from './contract.js';

const MAGNUS_B = 17.62;
const MAGNUS_C = 243.12;

/**
 * The dew point (°C) of air at `temperatureC` and `humidityPct` % RH, by the Magnus formula
 * (Sonntag 1990 constants; within ±0.4 °C from −45 to 60 °C).
 *
 * @example
 * ```ts
 * dewPointC(20, 50); // ≈ 9.3
 * ```
 */
export function dewPointC(temperatureC: number, humidityPct: number): number {
  const gamma =
    Math.log(Math.max(humidityPct, 0.01) / 100) + (MAGNUS_B * temperatureC) / (MAGNUS_C + temperatureC);
  return (MAGNUS_C * gamma) / (MAGNUS_B - gamma);
}

/**
 * What is out of range in one environment gate, each as a sentence naming the product, the
 * reading and the limit; empty when the reading is inside the product's window.
 *
 * @example
 * ```ts
 * environmentProblems({ product: 'XPEL Ultimate Plus', reading: { temperatureC: 8, humidityPct: 60 }, window: { minTempC: 10, maxTempC: 35, maxHumidityPct: 80 } });
 * // ['XPEL Ultimate Plus: temperature 8 °C is below the minimum 10 °C']
 * ```
 */
export function environmentProblems(gate: EnvironmentGate): string[] {
  const { product, reading, window } = gate;
  const problems: string[] = [];
  if (reading.temperatureC < window.minTempC) {
    problems.push(
      `${product}: temperature ${reading.temperatureC} °C is below the minimum ${window.minTempC} °C`,
    );
  }
  if (reading.temperatureC > window.maxTempC) {
    problems.push(
      `${product}: temperature ${reading.temperatureC} °C is above the maximum ${window.maxTempC} °C`,
    );
  }
  if (reading.humidityPct > window.maxHumidityPct) {
    problems.push(
      `${product}: humidity ${reading.humidityPct} % is above the maximum ${window.maxHumidityPct} %`,
    );
  }
  if (window.minDewPointMarginC !== undefined) {
    if (reading.surfaceTempC === undefined) {
      problems.push(`${product}: the surface temperature is needed to check the dew-point margin`);
    } else {
      const dewPoint = dewPointC(reading.temperatureC, reading.humidityPct);
      const margin = reading.surfaceTempC - dewPoint;
      if (margin < window.minDewPointMarginC) {
        problems.push(
          `${product}: surface ${reading.surfaceTempC} °C is only ${margin.toFixed(1)} °C above the dew point ${dewPoint.toFixed(1)} °C (needs ${window.minDewPointMarginC} °C)`,
        );
      }
    }
  }
  return problems;
}
