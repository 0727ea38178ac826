import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { ParameterDrafts } from '../../lib/strategy-parameters';

/** What the backtest form holds between visits. */
export interface BacktestForm {
  readonly kind: string;
  readonly symbol: string;
  /** Exchange dates `YYYY-MM-DD`, both included; empty until the server's date is known. */
  readonly fromDate: string;
  readonly toDate: string;
  readonly timeframeId: string;
  readonly source: 'history' | 'simulator';
  readonly slippageTicks: string;
  readonly startingBalance: string;
  readonly drafts: ParameterDrafts;
}

interface BacktestState {
  readonly form: BacktestForm;
  /** The run whose progress and results are shown. */
  readonly runId: string | undefined;
  readonly actions: {
    formEdited(change: Partial<BacktestForm>): void;
    parameterEdited(key: string, draft: string | boolean): void;
    runStarted(runId: string): void;
  };
}

const initialForm: BacktestForm = {
  kind: '',
  symbol: 'ES',
  fromDate: '',
  toDate: '',
  timeframeId: '1m',
  source: 'history',
  slippageTicks: '1',
  startingBalance: '50000',
  drafts: {},
};

const useBacktestStore = create<BacktestState>()(
  persist(
    (set) => ({
      form: initialForm,
      runId: undefined,
      actions: {
        formEdited: (change) =>
          set((state) => ({ form: { ...state.form, ...change, ...(change.kind !== undefined && change.kind !== state.form.kind ? { drafts: {} } : {}) } })),
        parameterEdited: (key, draft) => set((state) => ({ form: { ...state.form, drafts: { ...state.form.drafts, [key]: draft } } })),
        runStarted: (runId) => set({ runId }),
      },
    }),
    { name: 'terminal.backtest', version: 1, partialize: (state) => ({ form: state.form }) },
  ),
);

/** The form's fields. */
export function useBacktestForm(): BacktestForm {
  return useBacktestStore((state) => state.form);
}

/** The run shown. */
export function useBacktestRunId(): string | undefined {
  return useBacktestStore((state) => state.runId);
}

/** Events of the backtest view. */
export function useBacktestActions(): BacktestState['actions'] {
  return useBacktestStore((state) => state.actions);
}
