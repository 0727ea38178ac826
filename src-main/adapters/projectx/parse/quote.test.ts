import { describe, expect, it } from 'vitest';
import { loadFixtureArray, loadFixtureObject } from '../testing/fixtures';
import { mergeQuote, parseQuoteUpdate, type QuoteRecord } from './quote';

const receivedAt = Date.UTC(2025, 5, 5, 16);

function update(payload: unknown): QuoteRecord {
  const parsed = parseQuoteUpdate(payload);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}

describe('quote payloads', () => {
  it('converts the first, full quote after subscribing', () => {
    const [contractId, data] = loadFixtureArray('hub-market-quote-args-1.json');

    const merged = mergeQuote(String(contractId), undefined, update(data), 0.25, receivedAt);

    expect(merged.ok && merged.value.view).toEqual({
      contractId: 'CON.F.US.EP.M25',
      bidTicks: 24008,
      askTicks: 24009,
      lastTicks: 24009,
      volume: 634402,
      time: Date.UTC(2025, 5, 5, 15, 49, 52, 722),
    });
  });

  it('merges a delta into the last quote instead of overwriting it', () => {
    const [, full] = loadFixtureArray('hub-market-quote-args-1.json');
    const [, delta] = loadFixtureArray('hub-market-quote-args-2.json');
    const first = mergeQuote('CON.F.US.EP.M25', undefined, update(full), 0.25, receivedAt);
    if (!first.ok) throw new Error(first.reason);

    const second = mergeQuote('CON.F.US.EP.M25', first.value.record, update({ ...(delta as object), bestAsk: 6002.5 }), 0.25, receivedAt);

    expect(second.ok && second.value.view).toEqual({
      contractId: 'CON.F.US.EP.M25',
      bidTicks: 24008,
      askTicks: 24010,
      lastTicks: 24009,
      volume: 634402,
      time: Date.UTC(2025, 5, 5, 15, 49, 52, 763),
    });
  });

  it('leaves fields unknown until the feed sends them', () => {
    const [, delta] = loadFixtureArray('hub-market-quote-args-2.json');

    const merged = mergeQuote('CON.F.US.EP.M25', undefined, update(delta), 0.25, receivedAt);

    expect(merged.ok && merged.value.view).toMatchObject({ bidTicks: null, askTicks: 24009, lastTicks: null, volume: null });
  });

  it('ignores fields added later (contract, symbolName) in 2026 payloads', () => {
    const capture = loadFixtureObject('hub-market-quote-1.json');

    const merged = mergeQuote(String(capture.contractId), undefined, update(capture.payload), 0.25, receivedAt);

    expect(merged.ok && merged.value.view).toMatchObject({ contractId: 'CON.F.US.MNQ.U26', lastTicks: 113136, bidTicks: 113094, askTicks: 113165 });
  });

  it('refuses a delta with an off-grid price, so the merged quote stays as it was', () => {
    const [, full] = loadFixtureArray('hub-market-quote-args-1.json');

    const merged = mergeQuote('CON.F.US.EP.M25', update(full), update({ bestBid: 6002.1 }), 0.25, receivedAt);

    expect(merged.ok).toBe(false);
  });
});
