import { formatDuration } from '../../../../src-shared/domain/durations';
import { useLinkState } from '../../bridge/bridge-context';
import { useQuoteFeed } from '../../lib/quote-feed-context';
import { useServerNow } from '../../lib/server-clock';
import { useDiagnostics } from './queries';

function age(lastEventAt: number | null, now: number): string {
  if (lastEventAt === null) return 'never';
  const elapsed = now - lastEventAt;
  return elapsed < 1000 ? 'now' : `${formatDuration(elapsed)} ago`;
}

/** Broker call latency, event rates per channel, hub health, rate-limit headroom and the page's own rates. */
export function DiagnosticsView() {
  const diagnostics = useDiagnostics();
  const feed = useQuoteFeed();
  const link = useLinkState();
  const now = useServerNow();
  const data = diagnostics.data;
  return (
    <div className="tab-content diagnostics" data-testid="diagnostics">
      {diagnostics.isError ? <div className="inline-alert inline-alert-error">{diagnostics.error.message}</div> : null}
      <div className="diag-grid">
        <section className="diag-card">
          <div className="section-label">Broker calls</div>
          <dl className="facts">
            <dt>p50</dt>
            <dd className="num" data-testid="latency-p50">
              {data === undefined ? '—' : `${data.callLatencyMs.p50} ms`}
            </dd>
            <dt>p95</dt>
            <dd className="num">{data === undefined ? '—' : `${data.callLatencyMs.p95} ms`}</dd>
            <dt>p99</dt>
            <dd className="num">{data === undefined ? '—' : `${data.callLatencyMs.p99} ms`}</dd>
            <dt>Samples</dt>
            <dd className="num">{data?.callLatencyMs.samples ?? '—'}</dd>
          </dl>
        </section>
        <section className="diag-card">
          <div className="section-label">This window</div>
          <dl className="facts">
            <dt>Link</dt>
            <dd>{link}</dd>
            <dt>Quotes in</dt>
            <dd className="num">{feed.rate()} /s</dd>
            <dt>Event loop lag</dt>
            <dd className="num">{data === undefined ? '—' : `${data.eventLoopLagMs} ms`}</dd>
            <dt>Accounts</dt>
            <dd className="num">{data?.accounts.length ?? '—'}</dd>
          </dl>
        </section>
        <section className="diag-card diag-wide">
          <div className="section-label">Hubs and channels</div>
          <table className="data-table">
            <thead>
              <tr>
                <th>Channel</th>
                <th>State</th>
                <th className="align-right">Events/s</th>
                <th className="align-right">Last event</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(data?.channels ?? {}).map(([name, channel]) => (
                <tr key={name} data-testid="diag-channel">
                  <td>{name}</td>
                  <td>
                    <span className={`status status-${channel.state}`}>{channel.state}</span>
                  </td>
                  <td className="align-right num">{channel.eventsPerSecond.toFixed(1)}</td>
                  <td className="align-right num">{age(channel.lastEventAt, now)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="diag-card">
          <div className="section-label">Rate-limit headroom</div>
          <dl className="facts">
            {Object.entries(data?.rateLimitHeadroom ?? {}).map(([name, headroom]) => (
              <div key={name} className="fact-pair">
                <dt>{name}</dt>
                <dd className="num">{headroom}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
    </div>
  );
}
