/** Fails when any number anywhere inside `value` is NaN or ±Infinity. */
export function expectAllFinite(value: unknown, path = 'result'): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${path} is ${value}`);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => expectAllFinite(item, `${path}[${index}]`));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) expectAllFinite(item, `${path}.${key}`);
  } else if (typeof value === 'string' && /NaN|Infinity/.test(value)) {
    throw new Error(`${path} says "${value}"`);
  }
}
