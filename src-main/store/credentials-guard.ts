/**
 * Credentials (the ProjectX user name and API key, tokens) never reach the database. These
 * helpers recognise them by name, as a last line of defence behind the callers.
 */

const credentialName = /password|passwd|secret|api[-_.]?key|credential|token|authorization|user[-_.]?name/i;

/** The dotted path of the first credential-like name in a key or nested value, if any. */
export function credentialPath(key: string, value: unknown): string | undefined {
  if (credentialName.test(key)) return key;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [name, nested] of Object.entries(value)) {
    const found = credentialPath(name, nested);
    if (found !== undefined) return `${key}.${found}`;
  }
  return undefined;
}

/** A copy of the value with every credential-like field replaced by `[redacted]`. */
export function redactCredentials(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactCredentials);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([name, nested]) => [name, credentialName.test(name) ? '[redacted]' : redactCredentials(nested)]));
}
