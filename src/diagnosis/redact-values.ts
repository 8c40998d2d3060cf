/** Values shorter than this are too common (`1`, `on`) to hide without hiding unrelated text. */
const minSecretLength = 4;

/** Returns the values of `KEY=VALUE` entries worth hiding, longest first so overlaps hide fully. */
export function secretValues(env: string[]): string[] {
  return env
    .map((entry) => entry.slice(entry.indexOf('=') + 1))
    .filter((value) => value.length >= minSecretLength)
    .sort((a, b) => b.length - a.length);
}

/**
 * Returns `value` with every string in it (nested ones too) stripped of the secrets: the values
 * given with --env may be tokens, and an image may print them to its log or command line.
 */
export function redactValues<T>(value: T, secrets: string[]): T {
  if (secrets.length === 0) return value;
  if (typeof value === 'string') {
    let text: string = value;
    for (const secret of secrets) text = text.split(secret).join('[redacted]');
    return text as T;
  }
  if (Array.isArray(value)) return value.map((item: unknown) => redactValues(item, secrets)) as T;
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = redactValues(item, secrets);
    return copy as T;
  }
  return value;
}
