/** What a secret is replaced with in the logs. */
export const redactedText = '[redacted]';

/** Field names whose values are secrets wherever they appear (compared without case, `-` and `_`). */
const secretKeys = new Set([
  'token',
  'accesstoken',
  'refreshtoken',
  'apikey',
  'password',
  'secret',
  'authorization',
  'cookie',
  'setcookie',
  'credentials',
  'jwt',
  'sessiontoken',
]);

/** Secrets written inside text: query parameters, bearer headers and JWTs. */
const textPatterns: readonly (readonly [RegExp, string])[] = [
  [/\b(access_token|token|api_?key|apikey|password|secret)=([^&\s"'#]+)/gi, `$1=${redactedText}`],
  [/\b(Bearer|Basic)\s+[\w\-.~+/]+=*/g, `$1 ${redactedText}`],
  [/\beyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g, redactedText],
  [/("(?:token|accessToken|apiKey|password|secret)"\s*:\s*)"[^"]*"/gi, `$1"${redactedText}"`],
];

/** How deep a logged object is walked; deeper values are replaced rather than written unchecked. */
const maxDepth = 6;

/** True when a field name holds a secret. */
export function isSecretKey(key: string): boolean {
  return secretKeys.has(key.toLowerCase().replace(/[-_]/g, ''));
}

/** Replaces secrets written inside a text (a URL with `?token=`, an `Authorization` header, a JWT). */
export function scrubText(text: string): string {
  let scrubbed = text;
  for (const [pattern, replacement] of textPatterns) scrubbed = scrubbed.replace(pattern, replacement);
  return scrubbed;
}

/**
 * A copy of a value to log with every secret replaced: values of secret field names at any depth,
 * and secrets inside strings. Errors become their name and message.
 */
export function scrubSecrets(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= maxDepth) return '[too deep]';
  if (value instanceof Error) return { name: value.name, message: scrubText(value.message) };
  if (Array.isArray(value)) return value.map((item) => scrubSecrets(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = isSecretKey(key) ? redactedText : scrubSecrets(item, depth + 1);
  return copy;
}
