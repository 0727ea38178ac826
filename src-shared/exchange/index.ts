/**
 * Exchange facts in one place: the CME calendar (trading day and its 17:00 CT roll, sessions per
 * product group with the daily halt and weekend, holiday closures and early halts from
 * data/cme-holidays.json), products and roots (data/contracts.json) and Chicago time helpers.
 * Pure: no Node built-ins, so the core, adapter, simulator and renderer all import it.
 */
export * from './bar-periods';
export * from './calendar-days';
export * from './chicago-time';
export * from './exchange-calendar';
export * from './holidays';
export * from './market-sessions';
export * from './products';
export * from './trading-day';
