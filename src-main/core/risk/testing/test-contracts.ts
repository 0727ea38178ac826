import type { ContractView } from '../../../../src-shared/domain/trading';

/** The E-mini Nasdaq contract, for tests with two symbols. */
export const nqContract: ContractView = {
  id: 'CON.F.US.ENQ.Z26',
  name: 'NQZ6',
  description: 'E-mini Nasdaq-100: December 2026',
  symbol: 'NQ',
  symbolId: 'F.US.ENQ',
  tickSize: 0.25,
  tickValueCents: 500,
  active: true,
};
/** The Micro E-mini Nasdaq contract. */
export const mnqContract: ContractView = {
  id: 'CON.F.US.MNQ.Z26',
  name: 'MNQZ6',
  description: 'Micro E-mini Nasdaq-100: December 2026',
  symbol: 'MNQ',
  symbolId: 'F.US.MNQ',
  tickSize: 0.25,
  tickValueCents: 50,
  active: true,
};
/** The E-mini Russell 2000 contract (blocked in some tests). */
export const rtyContract: ContractView = {
  id: 'CON.F.US.RTY.Z26',
  name: 'RTYZ6',
  description: 'E-mini Russell 2000: December 2026',
  symbol: 'RTY',
  symbolId: 'F.US.RTY',
  tickSize: 0.1,
  tickValueCents: 500,
  active: true,
};

/** Wednesday 2026-11-18 10:00 CT (16:00Z), a regular session. */
export const wednesdayMorning = Date.parse('2026-11-18T16:00:00Z');
