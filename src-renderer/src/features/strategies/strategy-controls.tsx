import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { StrategyView } from '../../../../src-shared/domain/strategies';
import type { AppError, Result } from '../../../../src-shared/result';
import { useTerminalApi } from '../../bridge/bridge-context';
import { strategyKeys } from '../../lib/queries/query-keys';
import { upsertStrategy } from '../../lib/queries/strategy-queries';
import { availableActions } from './strategy-format';

type LifecycleAction = ReturnType<typeof availableActions>[number];

const labels: Record<LifecycleAction, string> = { start: 'Start', pause: 'Pause', resume: 'Resume', stop: 'Stop', flatten: 'Stop & flatten', remove: 'Remove' };
const titles: Record<LifecycleAction, string> = {
  start: 'Start trading this strategy',
  pause: 'Stop taking new entries; its orders and position stay',
  resume: 'Take entries again',
  stop: 'Stop it; its orders and position stay',
  flatten: 'Stop it, cancel its orders and close its position',
  remove: 'Remove the stopped strategy',
};

/** Runs lifecycle calls and keeps the last failure to show where the trader clicked. */
export function useStrategyLifecycle(): {
  run(action: LifecycleAction, strategy: StrategyView): Promise<void>;
  pending: string | undefined;
  error: AppError | undefined;
  dismiss(): void;
} {
  const api = useTerminalApi();
  const client = useQueryClient();
  const [pending, setPending] = useState<string | undefined>(undefined);
  const [error, setError] = useState<AppError | undefined>(undefined);
  const call = (action: LifecycleAction, id: string): Promise<Result<StrategyView | { id: string }>> => {
    switch (action) {
      case 'start':
        return api.invoke('strategies.start', { id });
      case 'pause':
        return api.invoke('strategies.pause', { id });
      case 'resume':
        return api.invoke('strategies.resume', { id });
      case 'stop':
        return api.invoke('strategies.stop', { id, flatten: false });
      case 'flatten':
        return api.invoke('strategies.stop', { id, flatten: true });
      case 'remove':
        return api.invoke('strategies.remove', { id });
    }
  };
  return {
    pending,
    error,
    dismiss: () => setError(undefined),
    run: async (action, strategy) => {
      setError(undefined);
      setPending(`${strategy.id}:${action}`);
      const result = await call(action, strategy.id);
      setPending(undefined);
      if (!result.ok) return setError(result.error);
      const value = result.value;
      if ('status' in value) client.setQueryData<StrategyView[]>(strategyKeys.list(value.accountId), (list) => upsertStrategy(list, value));
      else client.setQueryData<StrategyView[]>(strategyKeys.list(strategy.accountId), (list) => list?.filter((existing) => existing.id !== value.id));
    },
  };
}

/** The lifecycle buttons that apply to a strategy's state. */
export function StrategyControls({ strategy, lifecycle }: { strategy: StrategyView; lifecycle: ReturnType<typeof useStrategyLifecycle> }) {
  return (
    <span className="row-actions">
      {availableActions(strategy.status).map((action) => (
        <button
          key={action}
          type="button"
          className={`mini-button${action === 'flatten' || action === 'remove' ? ' danger' : ''}`}
          title={titles[action]}
          disabled={lifecycle.pending !== undefined}
          data-testid={`strategy-${action}`}
          onClick={(event) => {
            event.stopPropagation();
            void lifecycle.run(action, strategy);
          }}
        >
          {labels[action]}
        </button>
      ))}
    </span>
  );
}
