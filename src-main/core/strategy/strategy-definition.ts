import type { StrategyKindView, StrategyParameters, StrategySeries } from '../../../src-shared/domain/strategies';
import type { BarView, FillView, OrderView, QuoteView } from '../../../src-shared/domain/trading';
import { parameterSpecs, type ParameterSchema, type ParameterValues } from './parameters';
import type { StrategyContext } from './strategy-context';

/** A bar series a strategy reads, with how many closed bars of history it needs before it can decide. */
export interface SeriesRequest extends StrategySeries {
  readonly warmup: number;
}

/** What a strategy does when something happens. Every callback is optional; a throw stops the strategy. */
export interface StrategyHandlers {
  onStart?(): void;
  /** A bar of one of its series closed. */
  onBar?(bar: BarView, series: StrategySeries): void;
  onQuote?(quote: QuoteView): void;
  /** One of its orders changed (placed, working, filled, cancelled, rejected). */
  onOrder?(order: OrderView): void;
  /** One of its orders filled (after its position was updated). */
  onFill?(fill: FillView): void;
  /** A command was refused (by the gate, the broker or the runtime). */
  onRejected?(reason: string): void;
  onTimer?(name: string): void;
  /** Live parameters changed (the context already shows the new values). */
  onParameters?(changed: readonly string[]): void;
  onStop?(): void;
}

/** A strategy as its author writes it: typed parameters and a factory of handlers. */
export interface StrategyDefinition<Schema extends ParameterSchema> {
  /** Kebab-case id, e.g. `trend-following`. */
  readonly kind: string;
  readonly name: string;
  readonly summary: string;
  /** The logic in prose, shown in the UI. */
  readonly description: string;
  readonly parameters: Schema;
  /** The series it reads; the first is its main series. */
  series(parameters: ParameterValues<Schema>): readonly SeriesRequest[];
  create(context: StrategyContext<ParameterValues<Schema>>): StrategyHandlers;
}

/** A registered strategy kind with its types erased (parameters are validated against the schema before `create`). */
export interface StrategyKind {
  readonly kind: string;
  readonly name: string;
  readonly summary: string;
  readonly description: string;
  readonly parameters: ParameterSchema;
  series(parameters: StrategyParameters): readonly SeriesRequest[];
  create(context: StrategyContext<StrategyParameters>): StrategyHandlers;
}

/** Registers a strategy definition as a kind the runtime can run. */
export function defineStrategy<Schema extends ParameterSchema>(definition: StrategyDefinition<Schema>): StrategyKind {
  return {
    kind: definition.kind,
    name: definition.name,
    summary: definition.summary,
    description: definition.description,
    parameters: definition.parameters,
    // Values were checked against this schema by mergeParameters, so they have its types.
    series: (parameters) => definition.series(parameters as ParameterValues<Schema>),
    create: (context) => definition.create(context as unknown as StrategyContext<ParameterValues<Schema>>),
  };
}

/** A kind as the UI lists it. */
export function kindView(kind: StrategyKind): StrategyKindView {
  return { kind: kind.kind, name: kind.name, summary: kind.summary, description: kind.description, parameters: parameterSpecs(kind.parameters) };
}
