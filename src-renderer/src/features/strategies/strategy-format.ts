import { formatPrice } from '../../../../src-shared/domain/money';
import type { StrategyStatus, StrategyView } from '../../../../src-shared/domain/strategies';

const statusLabels: Record<StrategyStatus, string> = { stopped: 'Stopped', running: 'Running', paused: 'Paused', faulted: 'Faulted' };

/** `Long 2 @ 5001.25`, `Short 1 @ 18250.50` or `Flat`. */
export function positionText(strategy: StrategyView, tickSize: number | undefined): string {
  const { size, averageTicks } = strategy.position;
  if (size === 0) return 'Flat';
  const side = size > 0 ? 'Long' : 'Short';
  const average = averageTicks === null || tickSize === undefined ? '' : ` @ ${formatPrice(Math.round(averageTicks), tickSize)}`;
  return `${side} ${Math.abs(size)}${average}`;
}

/** The state as the trader reads it, with who paused it. */
export function statusText(strategy: StrategyView): string {
  const label = statusLabels[strategy.status];
  if (strategy.status !== 'paused' || strategy.pausedBy === null) return label;
  const by = { trader: 'by you', risk: 'by a risk lock', restart: 'after a restart' } as const;
  return `${label} ${by[strategy.pausedBy]}`;
}

/** Why it is not running (the risk lock, the error it stopped on), or undefined while it runs. */
export function reasonText(strategy: StrategyView): string | undefined {
  if (strategy.status === 'running' || strategy.statusReason === null) return undefined;
  return strategy.statusReason;
}

/** Which lifecycle buttons apply in a state. */
export function availableActions(status: StrategyStatus): readonly ('start' | 'pause' | 'resume' | 'stop' | 'flatten' | 'remove')[] {
  switch (status) {
    case 'running':
      return ['pause', 'stop', 'flatten'];
    case 'paused':
      return ['resume', 'stop', 'flatten'];
    default:
      return ['start', 'remove'];
  }
}
