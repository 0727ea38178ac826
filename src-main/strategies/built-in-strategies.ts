import type { StrategyKind } from '../core/strategy/strategy-definition';
import { meanReversion } from './mean-reversion';
import { overnightRangeBreakout } from './overnight-range-breakout';
import { trendFollowing } from './trend-following';

/** The strategies that ship with the terminal. */
export const builtInStrategies: readonly StrategyKind[] = [overnightRangeBreakout, meanReversion, trendFollowing];
