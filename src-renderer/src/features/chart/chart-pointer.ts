import type { IChartApi, ISeriesApi, SeriesType, Time } from 'lightweight-charts';
import { snapToTicks } from '../../lib/ticks';
import type { OrderLinesPrimitive } from './primitives/order-lines/order-lines-primitive';

/** What the trader did on the chart, in ticks. */
export interface ChartPointerHandlers {
  /** A line was dragged; `ticks` is where it is now (called on every move that changes the tick). */
  orderDragged(orderId: number, ticks: number): void;
  /** A line was dropped at new ticks (different from where it started). */
  orderDropped(orderId: number, ticks: number): void;
  /** A drag ended where it started or was abandoned. */
  orderDragCancelled(orderId: number): void;
  cancelClicked(orderId: number): void;
  /** Ctrl/Cmd-click buys at a price, Shift-click sells there. */
  priceClicked(side: 'buy' | 'sell', ticks: number): void;
  contextMenu(clientX: number, clientY: number, ticks: number): void;
}

interface Drag {
  readonly orderId: number;
  readonly startTicks: number;
  ticks: number;
  readonly pointerId: number;
}

/**
 * Pointer interaction with order lines and chart trading. Presses on a line are caught before the
 * chart sees them (so the chart does not pan while a line moves); everything else passes through.
 */
export class ChartPointer {
  private drag: Drag | undefined;
  private readonly cleanups: (() => void)[] = [];

  public constructor(
    private readonly container: HTMLElement,
    private readonly chart: IChartApi,
    private readonly series: ISeriesApi<SeriesType, Time>,
    private readonly lines: OrderLinesPrimitive,
    private readonly tickSize: () => number,
    private readonly handlers: ChartPointerHandlers,
  ) {
    this.listen(container, 'pointerdown', (event) => this.pressed(event as PointerEvent), true);
    this.listen(container, 'mousedown', (event) => this.swallowOnLine(event as MouseEvent), true);
    this.listen(container, 'click', (event) => this.clicked(event as MouseEvent), true);
    this.listen(container, 'contextmenu', (event) => this.menu(event as MouseEvent));
    this.listen(window, 'pointermove', (event) => this.moved(event as PointerEvent));
    this.listen(window, 'pointerup', (event) => this.released(event as PointerEvent));
    this.listen(window, 'keydown', (event) => {
      if ((event as KeyboardEvent).key === 'Escape') this.abandon();
    });
  }

  /** Removes every listener. */
  public dispose(): void {
    this.abandon();
    for (const cleanup of this.cleanups) cleanup();
  }

  private listen(target: EventTarget, type: string, listener: (event: Event) => void, capture = false): void {
    target.addEventListener(type, listener, capture);
    this.cleanups.push(() => target.removeEventListener(type, listener, capture));
  }

  private local(event: MouseEvent): { x: number; y: number } {
    const box = this.container.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  }

  private ticksAt(y: number): number | undefined {
    const price = this.series.coordinateToPrice(y);
    if (price === null) return undefined;
    return snapToTicks(price, this.tickSize());
  }

  private onPane(x: number): boolean {
    return x <= this.chart.timeScale().width();
  }

  private swallowOnLine(event: MouseEvent): void {
    const { x, y } = this.local(event);
    if (this.onPane(x) && this.lines.hit(x, y) !== undefined) event.stopPropagation();
  }

  private pressed(event: PointerEvent): void {
    if (event.button !== 0) return;
    const { x, y } = this.local(event);
    if (!this.onPane(x)) return;
    const hit = this.lines.hit(x, y);
    if (hit === undefined) return;
    event.stopPropagation();
    event.preventDefault();
    if (hit.part === 'cancel') {
      this.handlers.cancelClicked(hit.line.orderId);
      return;
    }
    if (!hit.line.draggable) return;
    const ticks = snapToTicks(hit.line.price, this.tickSize());
    this.drag = { orderId: hit.line.orderId, startTicks: ticks, ticks, pointerId: event.pointerId };
    this.chart.applyOptions({ handleScroll: false, handleScale: false });
    this.container.classList.add('dragging-line');
  }

  private moved(event: PointerEvent): void {
    const drag = this.drag;
    if (drag === undefined || event.pointerId !== drag.pointerId) return;
    const ticks = this.ticksAt(this.local(event).y);
    if (ticks === undefined || ticks === drag.ticks || ticks <= 0) return;
    drag.ticks = ticks;
    this.handlers.orderDragged(drag.orderId, ticks);
  }

  private released(event: PointerEvent): void {
    const drag = this.drag;
    if (drag === undefined || event.pointerId !== drag.pointerId) return;
    this.end();
    if (drag.ticks === drag.startTicks) this.handlers.orderDragCancelled(drag.orderId);
    else this.handlers.orderDropped(drag.orderId, drag.ticks);
  }

  private abandon(): void {
    const drag = this.drag;
    if (drag === undefined) return;
    this.end();
    this.handlers.orderDragCancelled(drag.orderId);
  }

  private end(): void {
    this.drag = undefined;
    this.chart.applyOptions({ handleScroll: true, handleScale: true });
    this.container.classList.remove('dragging-line');
  }

  private clicked(event: MouseEvent): void {
    const buy = event.ctrlKey || event.metaKey;
    const sell = event.shiftKey && !buy;
    if (!buy && !sell) return;
    const { x, y } = this.local(event);
    if (!this.onPane(x)) return;
    const ticks = this.ticksAt(y);
    if (ticks === undefined || ticks <= 0) return;
    event.stopPropagation();
    this.handlers.priceClicked(buy ? 'buy' : 'sell', ticks);
  }

  private menu(event: MouseEvent): void {
    const { x, y } = this.local(event);
    if (!this.onPane(x)) return;
    const ticks = this.ticksAt(y);
    if (ticks === undefined || ticks <= 0) return;
    event.preventDefault();
    this.handlers.contextMenu(event.clientX, event.clientY, ticks);
  }
}
