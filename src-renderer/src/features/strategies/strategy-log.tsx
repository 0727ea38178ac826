import type { StrategyLogEntry } from '../../../../src-shared/domain/strategies';
import { formatChicagoStamp } from '../../../../src-shared/exchange';
import { useStrategyLog } from './queries';

function fieldsText(fields: StrategyLogEntry['fields']): string {
  if (fields === undefined) return '';
  return Object.entries(fields)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(' ');
}

/** A strategy's decisions, newest first, as they happen (`strategies.log` events). */
export function StrategyLog({ strategyId }: { strategyId: string }) {
  const log = useStrategyLog(strategyId);
  const lines = [...(log.data ?? [])].reverse();
  if (log.isError) return <div className="empty-note">The log cannot be read: {log.error.message}</div>;
  return (
    <ol className="strategy-log" data-testid="strategy-log">
      {lines.length === 0 ? <li className="empty-note">No decisions yet</li> : null}
      {lines.map((line, index) => (
        <li key={`${line.at}-${index}`} className={`log-line log-${line.level}`} data-testid="strategy-log-line">
          <span className="num muted">{formatChicagoStamp(line.at)}</span>
          <span className={`level level-${line.level === 'decision' ? 'info' : line.level}`}>{line.level}</span>
          <span className="log-message">
            {line.message}
            {line.fields === undefined ? null : <span className="muted"> {fieldsText(line.fields)}</span>}
          </span>
        </li>
      ))}
    </ol>
  );
}
