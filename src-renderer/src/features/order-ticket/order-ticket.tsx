import { formatPrice } from '../../../../src-shared/domain/money';
import { CountField } from '../../components/count-field';
import { BracketPicker } from './bracket-picker';
import { HotkeyHint } from '../../components/hotkey-hint';
import { InlineAlert } from '../../components/inline-alert';
import { Panel } from '../../components/panel';
import { PriceField } from '../../components/price-field';
import { maxTicketSize, useOrderDefaultsActions, useOrderSize, useSizePresets } from '../../lib/order-defaults-store';
import { useHotkeys } from '../../lib/preferences-store';
import { useLastQuote, useWatchSymbol } from '../../lib/quote-feed-context';
import { useSelectedAccount } from '../../lib/queries/trading-queries';
import { orderTypeLabel } from '../../lib/order-request';
import { useTicketContract } from './queries';
import { ticketTypes, useLimitText, useStopText, useTicketActions, useTicketType, useTrailTicks } from './ticket-store';
import { useTicket } from './use-ticket';
import { useTicketHotkeys } from './use-ticket-hotkeys';
import { useBracketChoice } from '../../lib/use-bracket-choice';

/** The order ticket: contract, size, type, prices, bracket, buy and sell, and the bulk actions. */
export function OrderTicket() {
  const contract = useTicketContract();
  const account = useSelectedAccount();
  const accountId = account?.account.id;
  const quote = useLastQuote(contract.data?.id);
  useWatchSymbol(contract.data?.id);
  const size = useOrderSize();
  const presets = useSizePresets();
  const defaults = useOrderDefaultsActions();
  const type = useTicketType();
  const limitText = useLimitText();
  const stopText = useStopText();
  const trailTicks = useTrailTicks();
  const ticketActions = useTicketActions();
  const hotkeys = useHotkeys();
  const ticket = useTicket(contract.data, accountId);
  const bracket = useBracketChoice(accountId, contract.data?.symbol);
  useTicketHotkeys({ ...ticket, cycleBracket: bracket.cycle });

  const tickSize = contract.data?.tickSize;
  const format = (ticks: number | null | undefined) => (ticks === null || ticks === undefined || tickSize === undefined ? '—' : formatPrice(ticks, tickSize));
  const disabled = !ticket.gate.enabled;
  const usesLimit = type === 'limit' || type === 'stop-limit';
  const usesStop = type === 'stop' || type === 'stop-limit';
  const priceLabel =
    type === 'market' ? 'MKT' : usesLimit ? (limitText === '' ? orderTypeLabel(type) : `@ ${limitText}`) : usesStop ? `@ ${stopText}` : `${trailTicks} t`;

  return (
    <Panel title="Order ticket" testId="order-ticket" actions={<span className="muted mono">{account?.account.name ?? ''}</span>}>
      <div className="ticket">
        <div className="ticket-contract">
          <span className="ticket-symbol" data-testid="ticket-contract">
            {contract.data?.name ?? (contract.isError ? 'Unknown' : '…')}
          </span>
          <span className="muted ticket-description">{contract.data?.description ?? ''}</span>
        </div>
        {ticket.market.open ? null : (
          <div className="market-closed" role="status" data-testid="ticket-market-closed">
            {ticket.market.text}
          </div>
        )}
        <div className="quote-strip mono">
          <span className="quote-cell">
            <span className="quote-label">Bid</span>
            <span className="tone-down">{format(quote?.bidTicks)}</span>
          </span>
          <span className="quote-cell">
            <span className="quote-label">Last</span>
            <span data-testid="ticket-last">{format(quote?.lastTicks)}</span>
          </span>
          <span className="quote-cell">
            <span className="quote-label">Ask</span>
            <span className="tone-up">{format(quote?.askTicks)}</span>
          </span>
        </div>
        <div className="ticket-row">
          <CountField label="Size" value={size} minimum={1} maximum={maxTicketSize} onValue={defaults.sizeChanged} testId="ticket-size" />
          <div className="presets" role="group" aria-label="Size presets">
            {presets.map((preset, index) => (
              <button
                key={index}
                type="button"
                className={preset === size ? 'chip chip-on' : 'chip'}
                title={hotkeys[`size${index + 1}` as 'size1']}
                onClick={() => defaults.sizePresetChosen(index)}
              >
                {preset}
              </button>
            ))}
          </div>
        </div>
        <div className="segmented segmented-full" role="group" aria-label="Order type">
          {ticketTypes.map((candidate) => (
            <button
              key={candidate}
              type="button"
              className={candidate === type ? 'segment segment-on' : 'segment'}
              data-testid={`ticket-type-${candidate}`}
              onClick={() => ticketActions.typeChosen(candidate)}
            >
              {orderTypeLabel(candidate)}
            </button>
          ))}
        </div>
        {usesStop ? (
          <PriceField
            label="Stop"
            text={stopText}
            tickSize={tickSize}
            onText={ticketActions.stopEdited}
            fallbackTicks={quote?.lastTicks ?? undefined}
            testId="ticket-stop-price"
          />
        ) : null}
        {usesLimit ? (
          <PriceField
            label="Limit"
            text={limitText}
            tickSize={tickSize}
            onText={ticketActions.limitEdited}
            fallbackTicks={quote?.lastTicks ?? undefined}
            testId="ticket-limit-price"
          />
        ) : null}
        {type === 'trailing-stop' ? (
          <CountField label="Trail" value={trailTicks} minimum={1} maximum={1000} onValue={ticketActions.trailEdited} suffix="ticks" testId="ticket-trail" />
        ) : null}
        <BracketPicker contract={contract.data} accountId={accountId} size={size} />
        <div className="ticket-buttons">
          <button type="button" className="trade-button buy" data-testid="ticket-buy" disabled={disabled} onClick={() => void ticket.buy()}>
            <span className="trade-side">Buy</span>
            <span className="trade-detail mono">
              {size} {priceLabel}
            </span>
            {type === 'market' ? <HotkeyHint binding={hotkeys.buyMarket} /> : null}
          </button>
          <button type="button" className="trade-button sell" data-testid="ticket-sell" disabled={disabled} onClick={() => void ticket.sell()}>
            <span className="trade-side">Sell</span>
            <span className="trade-detail mono">
              {size} {priceLabel}
            </span>
            {type === 'market' ? <HotkeyHint binding={hotkeys.sellMarket} /> : null}
          </button>
        </div>
        <div className="ticket-bulk">
          <button
            type="button"
            className="bulk-button danger"
            data-testid="ticket-flatten"
            onClick={() => void ticket.flatten()}
            title="Close every position and cancel their orders"
          >
            Flatten all <HotkeyHint binding={hotkeys.flatten} />
          </button>
          <button type="button" className="bulk-button" data-testid="ticket-reverse" disabled={disabled} onClick={() => void ticket.reverse()}>
            Reverse <HotkeyHint binding={hotkeys.reverse} />
          </button>
          <button type="button" className="bulk-button" data-testid="ticket-cancel-all" onClick={() => void ticket.cancelAll()}>
            Cancel all <HotkeyHint binding={hotkeys.cancelAll} />
          </button>
        </div>
        {disabled ? (
          <div className="ticket-disabled" role="status" data-testid="ticket-disabled">
            Order entry disabled — {ticket.gate.reason}
          </div>
        ) : null}
        {ticket.outcome?.kind === 'failed' ? <InlineAlert error={ticket.outcome.error} onDismiss={ticket.dismiss} testId="ticket-error" /> : null}
        {ticket.outcome?.kind === 'sent' ? (
          <div className="ticket-sent" role="status" data-testid="ticket-sent">
            {ticket.outcome.text}
          </div>
        ) : null}
      </div>
    </Panel>
  );
}
