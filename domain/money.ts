// Money in öre (integers), so a sum of payments never carries float error; kronor only at the edges.

/** Öre, an integer. */
export type Ore = number;

export function kronorToOre(kronor: number): Ore {
  return Math.round(kronor * 100);
}

export function oreToKronor(ore: Ore): number {
  return ore / 100;
}

/** `numerator / denominator` rounded to the nearest integer, halves up, in integer arithmetic. */
export function divideRounded(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** e.g. 259093 → "2 590,93 kr". */
export function formatKronor(ore: Ore): string {
  const sign = ore < 0 ? '-' : '';
  const whole = Math.floor(Math.abs(ore) / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${sign}${whole},${String(Math.abs(ore) % 100).padStart(2, '0')} kr`;
}
