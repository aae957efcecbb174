// How figures are written in the tables.

/** Bytes as kilobytes (1 KB = 1024 bytes) with one decimal. */
export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** Milliseconds with precision that suits their size. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value < 10 ? `${value.toFixed(2)} ms` : `${value.toFixed(1)} ms`;
}

/** A ratio as a percentage. */
export function percent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

/** A ratio as a multiple. */
export function times(ratio: number): string {
  return `${ratio.toFixed(2)}×`;
}

/** PASS or FAIL. */
export function verdict(ok: boolean): string {
  return ok ? 'PASS' : 'FAIL';
}
