import { integer } from '../strategy/parameters';
import { defineStrategy } from '../strategy/strategy-definition';

/** A minimal strategy kind for the handler tests (not a test file itself). */
export const overnightKindForHandlers = defineStrategy({
  kind: 'handlers-test',
  name: 'Handlers test',
  summary: 'does nothing',
  description: 'Never trades.',
  parameters: { contracts: integer({ label: 'Contracts', description: 'Size', default: 1, min: 1, max: 5, live: true }) },
  series: () => [{ unit: 'minute', unitNumber: 1, warmup: 1 }],
  create: () => ({}),
});
