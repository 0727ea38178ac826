import { Option } from 'commander';
import { fail } from '../../../src-shared/result';
import { output, positiveInteger, positivePrice, type CommandGroup } from '../command-kit';

interface EntryOptions {
  limit?: number;
  stop?: number;
  sl?: number;
  tp?: number;
  template?: string;
}

/** buy, sell, modify, cancel, flatten, reverse. */
export const orderCommands: CommandGroup = (program, run) => {
  for (const side of ['buy', 'sell'] as const) {
    program
      .command(side)
      .description(`${side} at market, or with --limit / --stop; protection from a bracket template (--template, else the account's default) or a one-off --sl / --tp in ticks`)
      .argument('<symbol>', 'a root such as ES, or a full contract id')
      .argument('<qty>', 'contracts', positiveInteger)
      .addOption(new Option('--limit <price>', 'limit price').argParser(positivePrice).conflicts('stop'))
      .addOption(new Option('--stop <price>', 'stop price').argParser(positivePrice))
      .option('--sl <ticks>', 'stop-loss bracket, ticks from the fill (a one-off template)', positiveInteger)
      .option('--tp <ticks>', 'take-profit bracket, ticks from the fill (a one-off template)', positiveInteger)
      .addOption(new Option('--template <name>', "a bracket template by name (see brackets list), or none for no protection; default: the account's default").conflicts(['sl', 'tp']))
      .action(
        run(async ({ api, accountId }, symbol, quantity, options) => {
          const { limit, stop, sl, tp, template } = options as EntryOptions;
          const type = limit !== undefined ? 'limit' : stop !== undefined ? 'stop' : 'market';
          const answer = await api.invoke('orders.place', {
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
          });
          if (!answer.ok) return answer;
          const protection = template === undefined ? '' : template.toLowerCase() === 'none' ? ', no protection' : `, template ${template}`;
          return output(answer.value, `placed ${side} ${String(quantity)} ${String(symbol)} ${type}${protection}: order ${answer.value.orderId} (tag ${answer.value.customTag})`);
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
        const answer = await api.invoke('orders.modify', { accountId, orderId: Number(orderId), ...(price === undefined ? {} : { price }), ...(size === undefined ? {} : { size }) });
        return answer.ok ? output(answer.value, `modify sent for order ${String(orderId)}`) : answer;
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
        const answer = await api.invoke('orders.cancel', { accountId, orderId: Number(orderId) });
        return answer.ok ? output(answer.value, `cancel sent for order ${String(orderId)}`) : answer;
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
        return output(answer.value, `reversed ${String(symbol)}: cancelled ${answer.value.cancelledOrders} order(s), placed ${answer.value.placedOrders} order(s)`);
      }),
    );
};
