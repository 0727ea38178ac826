import { formatPrice } from '../../../../src-shared/domain/money';
import type { ContractView, OrderView } from '../../../../src-shared/domain/trading';
import { formatChicagoClock } from '../../../../src-shared/exchange';
import { orderTypeLabel } from '../../lib/order-request';
import { useStrategyDetail } from './queries';

function priceOf(order: OrderView, contract: ContractView | undefined): string {
  const ticks = order.type === 'stop' || order.type === 'trailing-stop' ? order.stopTicks : (order.limitTicks ?? order.averageFillTicks);
  if (ticks === null || contract === undefined) return '—';
  return formatPrice(Math.round(ticks), contract.tickSize);
}

/** A strategy's orders of the day, working ones first, with their fills' count. */
export function StrategyOrders({ strategyId, contract }: { strategyId: string; contract: ContractView | undefined }) {
  const detail = useStrategyDetail(strategyId);
  const orders = detail.data?.orders ?? [];
  const fills = detail.data?.fills ?? [];
  if (detail.isError) return <div className="empty-note">Its orders cannot be read: {detail.error.message}</div>;
  return (
    <table className="data-table compact-table" data-testid="strategy-orders">
      <thead>
        <tr>
          <th>Time CT</th>
          <th>Side</th>
          <th>Type</th>
          <th className="align-right">Filled / size</th>
          <th className="align-right">Price</th>
          <th>Status</th>
          <th className="align-right">Fills</th>
        </tr>
      </thead>
      <tbody>
        {orders.length === 0 ? (
          <tr>
            <td colSpan={7} className="muted">
              No orders today
            </td>
          </tr>
        ) : null}
        {orders.map((order) => (
          <tr key={order.id} data-testid="strategy-order-row" data-status={order.status}>
            <td className="num muted">{formatChicagoClock(order.createdAt)}</td>
            <td className={`side-${order.side}`}>{order.side === 'buy' ? 'Buy' : 'Sell'}</td>
            <td>{`${orderTypeLabel(order.type)}${order.parentOrderId !== null || order.linkedOrderId !== null ? ' (bracket)' : ''}`}</td>
            <td className="num align-right">{`${order.filledSize} / ${order.size}`}</td>
            <td className="num align-right">{priceOf(order, contract)}</td>
            <td>
              <span className={`status status-${order.status}`}>{order.status}</span>
            </td>
            <td className="num align-right">{fills.filter((fill) => fill.orderId === order.id).length}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
