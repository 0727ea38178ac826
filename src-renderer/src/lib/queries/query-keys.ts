import type { AccountId } from '../../../../src-shared/domain/ids';

/**
 * Key factories for the state the main process owns and several features show, built from general
 * to specific so one invalidation can reach a whole family.
 */
export const accountKeys = {
  all: ['accounts'] as const,
  list: () => [...accountKeys.all, 'list'] as const,
};

export const orderKeys = {
  all: ['orders'] as const,
  account: (accountId: AccountId) => [...orderKeys.all, accountId] as const,
  working: (accountId: AccountId) => [...orderKeys.account(accountId), 'working'] as const,
  recent: (accountId: AccountId) => [...orderKeys.account(accountId), 'recent'] as const,
};

export const positionKeys = {
  all: ['positions'] as const,
  list: (accountId: AccountId) => [...positionKeys.all, accountId] as const,
};

export const fillKeys = {
  all: ['fills'] as const,
  list: (accountId: AccountId) => [...fillKeys.all, accountId] as const,
};

export const contractKeys = {
  all: ['contracts'] as const,
  detail: (symbolOrId: string) => [...contractKeys.all, 'detail', symbolOrId.toUpperCase()] as const,
  search: (text: string) => [...contractKeys.all, 'search', text.trim().toUpperCase()] as const,
};

export const connectionKeys = {
  all: ['connection'] as const,
  state: () => [...connectionKeys.all, 'state'] as const,
  app: () => [...connectionKeys.all, 'app'] as const,
};

/** How many fills the fills tab and the chart's markers keep. */
export const fillHistoryLimit = 500;

export const strategyKeys = {
  all: ['strategies'] as const,
  kinds: () => [...strategyKeys.all, 'kinds'] as const,
  list: (accountId: AccountId) => [...strategyKeys.all, 'list', accountId] as const,
  detail: (id: string) => [...strategyKeys.all, 'detail', id] as const,
  log: (id: string) => [...strategyKeys.all, 'log', id] as const,
  marksAll: () => [...strategyKeys.all, 'marks'] as const,
  marks: (accountId: AccountId, contractId: string) => [...strategyKeys.marksAll(), accountId, contractId] as const,
};

export const analyticsKeys = {
  all: ['analytics'] as const,
  journal: (accountId: AccountId, from: number, to: number) => [...analyticsKeys.all, 'journal', accountId, from, to] as const,
  stats: (accountId: AccountId, from: number, to: number) => [...analyticsKeys.all, 'stats', accountId, from, to] as const,
};
