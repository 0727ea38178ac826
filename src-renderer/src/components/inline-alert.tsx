import type { AppError } from '../../../src-shared/result';
import { describeError } from '../lib/use-contract-action';

/** A failure shown where the trader acted, with its typed reason; dismissed with ×. */
export function InlineAlert({ error, onDismiss, testId }: { error: AppError | string | undefined; onDismiss?(): void; testId?: string }) {
  if (error === undefined) return null;
  const text = typeof error === 'string' ? error : describeError(error);
  const tone = typeof error !== 'string' && error.code === 'risk-denied' ? 'risk' : 'error';
  return (
    <div className={`inline-alert inline-alert-${tone}`} role="alert" data-testid={testId}>
      <span className="inline-alert-text">{text}</span>
      {onDismiss === undefined ? null : (
        <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
          ×
        </button>
      )}
    </div>
  );
}
