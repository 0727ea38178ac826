import { describe, expect, it } from 'vitest';
import { bracketTemplateSchema } from '../../../src-shared/domain/brackets';
import { TestClock } from '../clock';
import { EventHub } from '../event-hub';
import { silentLogger } from '../logger';
import type { OrderService } from '../orders/order-service';
import { TemplateCatalog } from '../protection/template-catalog';
import { MemoryStore } from '../testing/memory-store';
import { createBracketHandlers } from './bracket-handlers';

function build() {
  const store = new MemoryStore();
  const catalog = new TemplateCatalog(store, silentLogger);
  const events = new EventHub();
  const heard: string[] = [];
  events.forward((channel) => heard.push(channel));
  const orders = { account: (accountId: number | undefined) => ({ ok: true, value: accountId ?? 7 }) } as unknown as OrderService;
  return { handlers: createBracketHandlers(catalog, orders, events, new TestClock(0)), heard, store };
}

describe('bracket handlers', () => {
  it('keeps templates and defaults in the store and announces every change', async () => {
    const { handlers, heard, store } = build();
    const template = bracketTemplateSchema.parse({ name: 'Mine', stop: { ticks: 6 } });

    await handlers['brackets.set']({ template });
    const defaults = await handlers['brackets.default']({ symbol: 'ES', template: 'Mine', clear: false });

    expect(defaults).toEqual({ ok: true, value: [{ accountId: 7, symbol: 'ES', template: 'Mine' }] });
    expect(new TemplateCatalog(store, silentLogger).defaultFor(7, 'ES')?.name).toBe('Mine');
    expect(heard).toEqual(['brackets.changed', 'brackets.changed']);
  });

  it('refuses a default naming no template, announcing nothing', async () => {
    const { handlers, heard } = build();

    expect(await handlers['brackets.default']({ template: 'Nope', clear: false })).toMatchObject({
      ok: false,
      error: { code: 'not-found', field: 'template' },
    });
    expect(heard).toEqual([]);
  });

  it('removing a template removes the defaults that named it', async () => {
    const { handlers } = build();
    await handlers['brackets.default']({ template: 'Scalp 8/16', clear: false });

    await handlers['brackets.remove']({ name: 'scalp 8/16' });

    expect(await handlers['brackets.list']({})).toMatchObject({ ok: true, value: { defaults: [] } });
  });
});
