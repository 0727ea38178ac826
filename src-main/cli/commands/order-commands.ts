import { Option, type Command } from 'commander';
import type { OrderResolution } from '../../../src-shared/contract';
import { fail, type AppError, type Result } from '../../../src-shared/result';
import type { TerminalApi } from '../../../src-shared/terminal-api';
import { output, positiveInteger, positivePrice, type CliOutput, type CommandOutput, type CommandRunner } from '../command-kit';

interface EntryOptions {
  limit?: number;
  stop?: number;
  sl?: number;
  tp?: number;
  template?: string;
  deadline?: number;
}

/** How long the CLI waits for the resolution of an order answered `unknown-outcome` before it gives up. */
export const resolutionWaitMs = 180_000;

/**
 * Listens for the `orders.resolved` event of one order command (subscribed before the call, so a
 * resolution that comes right behind the answer is not missed).
 */
function awaitResolution(
  api: TerminalApi,
  waitMs: number,
): { readonly next: (matches: (resolution: OrderResolution) => boolean) => Promise<OrderResolution | undefined>; readonly stop: () => void } {
  const seen: OrderResolution[] = [];
  let waiter: { matches: (resolution: OrderResolution) => boolean; resolve: (resolution: OrderResolution | undefined) => void } | undefined;
  const stopListening = api.on('orders.resolved', (resolution) => {
    seen.push(resolution);
    if (waiter?.matches(resolution) === true) waiter.resolve(resolution);
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    next: (matches) => {
      const already = seen.find(matches);
      if (already !== undefined) return Promise.resolve(already);
      return new Promise((resolve) => {
        waiter = { matches, resolve };
        timer = setTimeout(() => resolve(undefined), waitMs);
      });
    },
    stop: () => {
      if (timer !== undefined) clearTimeout(timer);
      stopListening();
    },
  };
}

/**
 * Runs an order call; an `unknown-outcome` answer is not the end: prints that the outcome is being
 * resolved, then waits for the command's `orders.resolved` and turns it into the final answer
 * (success only when it was applied), so a trader is never invited to retry an order that may stand.
 */
async function untilResolved<T>(
  api: TerminalApi,
  progress: ((line: string) => void) | undefined,
  waitMs: number,
  send: () => Promise<Result<T>>,
  matches: (error: AppError, resolution: OrderResolution) => boolean,
  done: (value: T | undefined, resolution: OrderResolution | undefined) => Result<CommandOutput>,
): Promise<Result<CommandOutput>> {
  const resolutions = awaitResolution(api, waitMs);
  try {
    const answer = await send();
    if (answer.ok) return done(answer.value, undefined);
    if (answer.error.code !== 'unknown-outcome') return answer;
    const unknown = answer.error;
    progress?.(`outcome unknown, resolving… (${unknown.message})`);
    const resolution = await resolutions.next((candidate) => matches(unknown, candidate));
    if (resolution === undefined)
      return fail('unknown-outcome', `${unknown.message}; still unresolved after ${Math.round(waitMs / 1000)} s: check the orders before retrying`);
    if (resolution.code !== null) return { ok: false, error: { code: resolution.code, message: resolution.message } };
    return done(undefined, resolution);
  } finally {
    resolutions.stop();
  }
}

/** buy, sell, modify, cancel, flatten, reverse. */
export function orderCommands(program: Command, run: CommandRunner, streams?: CliOutput, waitMs = resolutionWaitMs): void {
  // Progress goes to stderr with --json, so stdout stays one JSON document.
  const progress =
    streams === undefined ? undefined : (line: string) => (program.opts<{ json?: boolean }>().json === true ? streams.stderr : streams.stdout)(`${line}\n`);
  for (const side of ['buy', 'sell'] as const) {
    program
      .command(side)
      .description(
        `${side} at market, or with --limit / --stop; protection from a bracket template (--template, else the account's default) or a one-off --sl / --tp in ticks`,
      )
      .argument('<symbol>', 'a root such as ES, or a full contract id')
      .argument('<qty>', 'contracts', positiveInteger)
      .addOption(new Option('--limit <price>', 'limit price').argParser(positivePrice).conflicts('stop'))
      .addOption(new Option('--stop <price>', 'stop price').argParser(positivePrice))
      .option('--sl <ticks>', 'stop-loss bracket, ticks from the fill (a one-off template)', positiveInteger)
      .option('--tp <ticks>', 'take-profit bracket, ticks from the fill (a one-off template)', positiveInteger)
      .addOption(
        new Option('--template <name>', "a bracket template by name (see brackets list), or none for no protection; default: the account's default").conflicts([
          'sl',
          'tp',
        ]),
      )
      .option(
        '--deadline <ms>',
        "drop the order unsent if it cannot go out within this many milliseconds (default: the terminal's orders.deadlineMs, else 5000)",
        positiveInteger,
      )
      .action(
        run(async ({ api, accountId }, symbol, quantity, options) => {
          const { limit, stop, sl, tp, template, deadline } = options as EntryOptions;
          const type = limit !== undefined ? 'limit' : stop !== undefined ? 'stop' : 'market';
          const protection = template === undefined ? '' : template.toLowerCase() === 'none' ? ', no protection' : `, template ${template}`;
          const what = `${side} ${String(quantity)} ${String(symbol)} ${type}${protection}`;
          return untilResolved(
            api,
            progress,
            waitMs,
            () =>
              api.invoke('orders.place', {
                accountId,
                symbol: String(symbol),
                side,
                size: Number(quantity),
                type,
                ...(limit === undefined ? {} : { limitPrice: limit }),
                ...(stop === undefined ? {} : { stopPrice: stop }),
                ...(sl === undefined ? {} : { stopLossTicks: sl }),
                ...(tp === undefined ? {} : { takeProfitTicks: tp }),
                ...(template === undefined ? {} : { template }),
                ...(deadline === undefined ? {} : { deadlineMs: deadline }),
              }),
            (error, resolution) => resolution.command === 'place' && resolution.customTag === error.customTag,
            (placed, resolution) => {
              const orderId = placed?.orderId ?? resolution?.orderId ?? null;
              const customTag = placed?.customTag ?? resolution?.customTag ?? '';
              const json = placed ?? { orderId, customTag, resolved: resolution };
              return output(
                json,
                `placed ${what}: order ${orderId ?? '?'} (tag ${customTag})${resolution === undefined ? '' : ' (resolved after its deadline)'}`,
              );
            },
          );
        }),
      );
  }

  program
    .command('modify')
    .description("change a working order's price or size")
    .argument('<orderId>', 'the order', positiveInteger)
    .option('--price <price>', 'new limit price (or stop price for a stop order)', positivePrice)
    .option('--size <n>', 'new size', positiveInteger)
    .action(
      run(async ({ api, accountId }, orderId, options) => {
        const { price, size } = options as { price?: number; size?: number };
        if (price === undefined && size === undefined) return fail('invalid-request', 'modify needs --price or --size', 'price');
        return untilResolved(
          api,
          progress,
          waitMs,
          () =>
            api.invoke('orders.modify', {
              accountId,
              orderId: Number(orderId),
              ...(price === undefined ? {} : { price }),
              ...(size === undefined ? {} : { size }),
            }),
          (error, resolution) => resolution.command === 'modify' && resolution.orderId === error.orderId,
          (order, resolution) => output(order ?? resolution, `modify ${resolution === undefined ? 'sent' : 'applied'} for order ${String(orderId)}`),
        );
      }),
    );

  program
    .command('cancel')
    .description('cancel one working order, or every one with --all')
    .argument('[orderId]', 'the order', positiveInteger)
    .option('--all', 'cancel every working order of the account')
    .action(
      run(async ({ api, accountId }, orderId, options) => {
        const all = (options as { all?: boolean }).all === true;
        if (all === (orderId !== undefined)) return fail('invalid-request', 'give an order id or --all', 'orderId');
        if (all) {
          const answer = await api.invoke('orders.cancelAll', { accountId });
          return answer.ok ? output(answer.value, `cancelled ${answer.value.cancelledOrders} order(s)`) : answer;
        }
        return untilResolved(
          api,
          progress,
          waitMs,
          () => api.invoke('orders.cancel', { accountId, orderId: Number(orderId) }),
          (error, resolution) => resolution.command === 'cancel' && resolution.orderId === error.orderId,
          (order, resolution) => output(order ?? resolution, `cancel ${resolution === undefined ? 'sent' : 'done'} for order ${String(orderId)}`),
        );
      }),
    );

  program
    .command('flatten')
    .description("close a contract's position and cancel its working orders, or everything with --all")
    .argument('[symbol]', 'a root such as ES, or a full contract id')
    .option('--all', 'flatten every position of the account')
    .action(
      run(async ({ api, accountId }, symbol, options) => {
        const all = (options as { all?: boolean }).all === true;
        if (all === (symbol !== undefined)) return fail('invalid-request', 'give a symbol or --all', 'symbol');
        const answer = await api.invoke('positions.flatten', { accountId, ...(symbol === undefined ? {} : { symbol: String(symbol) }) });
        if (!answer.ok) return answer;
        return output(answer.value, `closed ${answer.value.closedPositions} position(s), cancelled ${answer.value.cancelledOrders} order(s)`);
      }),
    );

  program
    .command('reverse')
    .description("turn a contract's position around at market: a long of 2 becomes a short of 2 (its protection follows)")
    .argument('<symbol>', 'a root such as ES, or a full contract id')
    .action(
      run(async ({ api, accountId }, symbol) => {
        const answer = await api.invoke('positions.reverse', { accountId, symbol: String(symbol) });
        if (!answer.ok) return answer;
        return output(
          answer.value,
          `reversed ${String(symbol)}: cancelled ${answer.value.cancelledOrders} order(s), placed ${answer.value.placedOrders} order(s)`,
        );
      }),
    );
}
