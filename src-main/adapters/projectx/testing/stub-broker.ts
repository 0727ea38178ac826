import type { ProjectXBrokerOptions } from '../broker-options';
import { resolveOptions } from '../broker-options';
import { buildParts, type BrokerParts } from '../broker-parts';
import type { BrokerEvent } from '../../../core/ports/broker-port';
import { RecordingLogger } from './recording-logger';

/** Credentials of every stub test; asserted never to appear in logs. */
export const stubCredentials = { userName: 'trader-one', apiKey: 'api-key-SECRET-123456' } as const;

/** The adapter's parts wired against a stub REST server (hubs built, never started). Test helper only. */
export function stubParts(
  restUrl: string,
  overrides: Partial<ProjectXBrokerOptions> = {},
): { parts: BrokerParts; logger: RecordingLogger; events: BrokerEvent[] } {
  const logger = new RecordingLogger();
  const events: BrokerEvent[] = [];
  const options = resolveOptions({
    ...stubCredentials,
    restUrl,
    userHubUrl: `${restUrl}/hubs/user`,
    marketHubUrl: `${restUrl}/hubs/market`,
    logger,
    requestTimeoutMs: 300,
    ...overrides,
  });
  const parts = buildParts(options, { emit: (event) => events.push(event), link: () => undefined, hubConnected: () => undefined });
  return { parts, logger, events };
}

/** Releases what `stubParts` built. */
export function disposeParts(parts: BrokerParts): void {
  parts.auth.dispose();
  parts.gates.bars.dispose();
  parts.gates.other.dispose();
  parts.transport.dispose();
  parts.timers.dispose();
}
