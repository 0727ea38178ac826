import type { AccountSettings } from './account-ledger';

/**
 * The accounts a fresh simulator offers, named like TopstepX's: Trading Combine evaluations of 50K
 * and 150K and a practice account, all in Auto OCO bracket mode so brackets work.
 */
export const defaultAccounts: readonly AccountSettings[] = [
  { id: 18_101, name: '50KTC-V2-412077-19834501', balance: 50_000 },
  { id: 18_102, name: '150KTC-V2-412077-19834502', balance: 150_000 },
  { id: 18_103, name: 'PRAC-V2-412077-19834503', balance: 150_000 },
];
