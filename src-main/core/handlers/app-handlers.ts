import type { AppInfo } from '../../../src-shared/domain/app-info';
import { ok } from '../../../src-shared/result';
import type { Clock } from '../clock';
import type { ConnectionMonitor } from '../connection-monitor';
import type { ContractHandlers } from '../contract-dispatcher';
import type { BrokerPort } from '../ports/broker-port';
import type { TradingCore } from '../trading-core';

/** What the app handlers read. */
export interface AppHandlerDependencies {
  readonly clock: Clock;
  readonly info: AppInfo;
  readonly connection: ConnectionMonitor;
  readonly broker: BrokerPort | undefined;
  readonly core: TradingCore | undefined;
  readonly eventLoopLagMs: () => number;
}

/** Identity, ping, connection state and diagnostics. */
export function createAppHandlers(
  dependencies: AppHandlerDependencies,
): Pick<ContractHandlers, 'app.info' | 'app.ping' | 'connection.get' | 'diagnostics.get'> {
  const { clock, info, connection, broker, core } = dependencies;
  return {
    'app.info': () => ok(info),
    'app.ping': (request) => ok({ nonce: request.nonce ?? '', time: clock.now() }),
    'connection.get': () => ok(connection.current),
    'diagnostics.get': () => {
      const link = broker?.diagnostics();
      return ok({
        channels: link?.channels ?? {},
        callLatencyMs: link?.callLatencyMs ?? { p50: 0, p95: 0, p99: 0, samples: 0 },
        rateLimitHeadroom: link?.rateLimitHeadroom ?? {},
        eventLoopLagMs: dependencies.eventLoopLagMs(),
        accounts: core === undefined ? [] : [...core.accounts.keys()],
      });
    },
  };
}
