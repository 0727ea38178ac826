import { fromBarColumns } from '../../../src-shared/domain/bar-columns';
import { formatPrice } from '../../../src-shared/domain/money';
import { output, positiveInteger, type CommandGroup } from '../command-kit';
import { formatTime, table } from '../table';

const units = ['second', 'minute', 'hour', 'day', 'week', 'month'] as const;

/** contracts, quote, bars. */
export const marketCommands: CommandGroup = (program, run) => {
  program
    .command('contracts')
    .description('search contracts by text (a root such as ES, or words of the name)')
    .argument('<text>')
    .action(
      run(async ({ api }, text) => {
        const answer = await api.invoke('contracts.search', { text: String(text) });
        if (!answer.ok) return answer;
        const rows = answer.value.map((contract) => [
          contract.id,
          contract.name,
          contract.symbol,
          String(contract.tickSize),
          `$${(contract.tickValueCents / 100).toFixed(2)}`,
          contract.description,
        ]);
        return output(answer.value, table(['id', 'name', 'root', 'tick', 'tick value', 'description'], rows, new Set([3, 4])));
      }),
    );

  program
    .command('quote')
    .description('the last quote of a contract (a root such as ES or a full contract id)')
    .argument('<symbol>')
    .action(
      run(async ({ api }, symbol) => {
        const answer = await api.invoke('market.quote', { symbol: String(symbol) });
        if (!answer.ok) return answer;
        const { contract, quote } = answer.value;
        const price = (ticks: number | null | undefined) => (ticks === null || ticks === undefined ? '-' : formatPrice(ticks, contract.tickSize));
        const text =
          quote === null
            ? `${contract.name}  no quote yet (subscribed; try again in a moment)`
            : `${contract.name}  bid ${price(quote.bidTicks)}  ask ${price(quote.askTicks)}  last ${price(quote.lastTicks)}  volume ${quote.volume ?? '-'}  at ${formatTime(quote.time)} UTC`;
        return output(answer.value, text);
      }),
    );

  program
    .command('bars')
    .description('recent bars of a contract, oldest first')
    .argument('<symbol>')
    .option('--unit <unit>', `bar unit: ${units.join(', ')}`, 'minute')
    .option('--unit-number <n>', 'units per bar (5 with --unit minute = 5-minute bars)', positiveInteger, 1)
    .option('--count <n>', 'how many bars', positiveInteger, 20)
    .action(
      run(async ({ api }, symbol, options) => {
        const { unit, unitNumber, count } = options as { unit: string; unitNumber: number; count: number };
        const answer = await api.invoke('market.bars', { symbol: String(symbol), unit: unit as (typeof units)[number], unitNumber, count });
        if (!answer.ok) return answer;
        const contract = answer.value.contract;
        const bars = fromBarColumns(answer.value.bars);
        const price = (ticks: number) => formatPrice(ticks, contract.tickSize);
        const rows = bars.map((bar) => [formatTime(bar.time), price(bar.open), price(bar.high), price(bar.low), price(bar.close), String(bar.volume)]);
        return output(
          { contract, bars },
          `${contract.name} ${unitNumber} ${unit}\n${table(['time (UTC)', 'open', 'high', 'low', 'close', 'volume'], rows, new Set([1, 2, 3, 4, 5]))}`,
        );
      }),
    );
};
