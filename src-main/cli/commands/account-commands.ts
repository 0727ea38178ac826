import { formatCents, formatPrice } from '../../../src-shared/domain/money';
import { causeLabel } from '../../../src-shared/domain/order-cause';
import { output, type CommandGroup } from '../command-kit';
import { ContractNames } from '../contract-names';
import { formatTicks } from '../price-format';
import { formatTime, table } from '../table';

/** accounts, positions, orders, fills, diagnostics. */
export const accountCommands: CommandGroup = (program, run) => {
  program
    .command('accounts')
    .description("the login's accounts with balance and the trading day's P&L")
    .action(
      run(async ({ api }) => {
        const answer = await api.invoke('accounts.list', {});
        if (!answer.ok) return answer;
        const rows = answer.value.map((summary) => [
          summary.selected ? '*' : ' ',
          String(summary.account.id),
          summary.account.name,
          `${summary.program.label}${summary.program.source === 'trader' ? ' (set)' : ''}`,
          formatCents(summary.account.balanceCents),
          summary.account.canTrade ? 'yes' : 'NO',
          formatCents(summary.realizedCents),
          formatCents(summary.openCents),
          formatCents(summary.feesCents),
          formatCents(summary.netCents),
        ]);
        // --json: each account with its program's kind and size at the top level.
        const json = answer.value.map((summary) => ({
          ...summary,
          program: summary.program.kind,
          size: summary.program.size,
          programLabel: summary.program.label,
          programSource: summary.program.source,
        }));
        return output(json, table([' ', 'id', 'name', 'program', 'balance', 'trade', 'realized', 'open', 'fees', 'net'], rows, new Set([4, 6, 7, 8, 9])));
      }),
    );

  program
    .command('positions')
    .description('open positions with open and realized P&L')
    .action(
      run(async ({ api, accountId }) => {
        const answer = await api.invoke('positions.list', { accountId });
        if (!answer.ok) return answer;
        const rows = answer.value.map(({ position, contract, markTicks, openTicks, openCents, realizedCents }) => [
          contract.name,
          position.size > 0 ? `+${position.size}` : String(position.size),
          formatPrice(position.averageTicks, contract.tickSize),
          markTicks === null ? '-' : formatPrice(markTicks, contract.tickSize),
          `${openTicks >= 0 ? '+' : ''}${Math.round(openTicks * 100) / 100}`,
          formatCents(openCents),
          formatCents(realizedCents),
        ]);
        return output(answer.value, table(['contract', 'size', 'avg', 'last', 'ticks', 'open', 'realized'], rows, new Set([1, 2, 3, 4, 5, 6])));
      }),
    );

  program
    .command('orders')
    .description('working orders (--all: recent orders in every state)')
    .option('--all', 'recent orders in every state')
    .action(
      run(async ({ api, accountId }, options) => {
        const all = (options as { all?: boolean }).all === true;
        const answer = await api.invoke('orders.list', { accountId, scope: all ? 'recent' : 'working' });
        if (!answer.ok) return answer;
        const names = new ContractNames(api);
        await names.load(answer.value.map((order) => order.contractId));
        const rows = answer.value.map((order) => {
          const contract = names.get(order.contractId);
          return [
            String(order.id),
            contract?.name ?? order.contractId,
            order.side,
            String(order.size),
            order.type,
            formatTicks(order.limitTicks, contract),
            formatTicks(order.stopTicks, contract),
            order.status,
            `${order.filledSize}/${order.size}`,
            causeLabel(order.cause),
          ];
        });
        return output(answer.value, table(['id', 'contract', 'side', 'size', 'type', 'limit', 'stop', 'status', 'filled', 'by'], rows, new Set([3, 5, 6])));
      }),
    );

  program
    .command('fills')
    .description("the account's fills, newest first")
    .option('--limit <n>', 'how many', (value) => Number(value), 50)
    .action(
      run(async ({ api, accountId }, options) => {
        const limit = (options as { limit: number }).limit;
        const answer = await api.invoke('fills.list', { accountId, limit });
        if (!answer.ok) return answer;
        const names = new ContractNames(api);
        await names.load(answer.value.map((fill) => fill.contractId));
        const rows = answer.value.map((fill) => {
          const contract = names.get(fill.contractId);
          return [
            formatTime(fill.time),
            String(fill.id),
            contract?.name ?? fill.contractId,
            fill.side,
            String(fill.size),
            formatTicks(fill.priceTicks, contract),
            fill.realizedCents === null ? '' : formatCents(fill.realizedCents),
            formatCents(fill.feesCents),
            causeLabel(fill.cause),
          ];
        });
        return output(answer.value, table(['time (UTC)', 'id', 'contract', 'side', 'size', 'price', 'p&l', 'fees', 'by'], rows, new Set([4, 5, 6, 7])));
      }),
    );

  program
    .command('diagnostics')
    .description('broker connection health, event rates, call latency, rate-limit headroom, event-loop lag')
    .action(
      run(async ({ api }) => {
        const answer = await api.invoke('diagnostics.get', {});
        if (!answer.ok) return answer;
        const view = answer.value;
        const channels = Object.entries(view.channels).map(([name, channel]) => [
          name,
          channel.state,
          channel.lastEventAt === null ? '-' : formatTime(channel.lastEventAt),
          String(Math.round(channel.eventsPerSecond * 10) / 10),
        ]);
        const latency = view.callLatencyMs;
        const headroom = Object.entries(view.rateLimitHeadroom)
          .map(([family, left]) => `${family} ${left}`)
          .join(', ');
        const text = [
          table(['channel', 'state', 'last event (UTC)', 'events/s'], channels, new Set([3])),
          `broker calls  p50 ${latency.p50} ms  p95 ${latency.p95} ms  p99 ${latency.p99} ms  (${latency.samples} samples)`,
          `rate limits   ${headroom || '-'}`,
          `event loop    ${view.eventLoopLagMs} ms lag`,
        ].join('\n');
        return output(view, text);
      }),
    );
};
