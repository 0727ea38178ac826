import type { ReactNode } from 'react';

/** A titled panel of the workspace. */
export function Panel({
  title,
  actions,
  children,
  className,
  testId,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <section className={`panel${className === undefined ? '' : ` ${className}`}`} aria-label={title} data-testid={testId}>
      <header className="panel-header">
        <span className="panel-title">{title}</span>
        <span className="panel-actions">{actions}</span>
      </header>
      <div className="panel-body">{children}</div>
    </section>
  );
}
