import { LogLevel, type ILogger } from '@microsoft/signalr';
import type { Logger } from '../../../core/logger';
import { redactSecrets } from '../support/redact';

/**
 * Routes the SignalR client's warnings and errors to the adapter's logger, with tokens removed
 * (the client prints connection URLs, which carry `access_token`). Chatter below Warning is dropped.
 */
export function signalrLogger(logger: Logger, hub: string, currentToken: () => string | undefined): ILogger {
  return {
    log: (level, message) => {
      if (level < LogLevel.Warning || level === LogLevel.None) return;
      const text = redactSecrets(message, [currentToken()]);
      if (level === LogLevel.Warning) logger.warn({ hub }, text);
      else logger.error({ hub }, text);
    },
  };
}
