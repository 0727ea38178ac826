const accessTokenParameter = /access_token=[^&\s"']+/gi;
const bearerValue = /Bearer\s+[A-Za-z0-9._~+/=-]+/g;

/**
 * Removes tokens from a text before it is logged: `access_token=` query values, bearer values,
 * and any of the given secrets verbatim.
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  let clean = text.replace(accessTokenParameter, 'access_token=[redacted]').replace(bearerValue, 'Bearer [redacted]');
  for (const secret of secrets) if (secret !== undefined && secret.length >= 8) clean = clean.split(secret).join('[redacted]');
  return clean;
}
