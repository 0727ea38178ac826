import { fail, ok, type Result } from '../../src-shared/result';
import { apiPath, tokenParameter } from '../../src-shared/wire';
import { apiFilePath, readApiFile } from '../host/api-file';
import { resolveDataDir } from '../host/data-dir';

/** Where the CLI connects: the API WebSocket and its token. */
export interface HostTarget {
  readonly api: string;
  readonly token: string;
}

/** The connection flags of every CLI command. */
export interface TargetFlags {
  readonly dataDir?: string;
  readonly url?: string;
  readonly token?: string;
}

/**
 * Finds the running terminal: `--url` (the UI or API address; a token in it counts) with `--token`,
 * or else `<data-dir>/api.json` written by the host.
 */
export function resolveHostTarget(flags: TargetFlags): Result<HostTarget> {
  if (flags.url !== undefined) {
    if (flags.dataDir !== undefined) return fail('invalid-request', 'give either --data-dir or --url, not both', 'url');
    let url: URL;
    try {
      url = new URL(flags.url);
    } catch {
      return fail('invalid-request', `--url '${flags.url}' is not a URL`, 'url');
    }
    const token = flags.token ?? url.searchParams.get(tokenParameter) ?? '';
    if (token.length === 0) return fail('invalid-request', '--url needs --token (or a token in the URL)', 'token');
    if (url.protocol === 'http:' || url.protocol === 'https:') url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return fail('invalid-request', `--url '${flags.url}' must be http or ws`, 'url');
    return ok({ api: `${url.protocol}//${url.host}${apiPath}`, token });
  }
  const dataDir = resolveDataDir(flags.dataDir);
  const file = readApiFile(dataDir);
  if (file === undefined) {
    return fail('not-connected', `no running terminal found: ${apiFilePath(dataDir)} is missing or unreadable (start one with npm run serve)`);
  }
  return ok({ api: file.api, token: flags.token ?? file.token });
}
