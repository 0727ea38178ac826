/** The state of the terminal's link to its broker. */
export type BrokerLinkStatus = 'not-configured' | 'connecting' | 'live' | 'reconnecting' | 'down';

/** Whether orders may be sent. The terminal starts halted and trades only after reconciling. */
export type TradingStatus = 'halted' | 'active';

/** The connection state shown in the UI and the CLI. */
export interface ConnectionState {
  readonly broker: BrokerLinkStatus;
  readonly trading: TradingStatus;
  /** Why the state is what it is, in one sentence. */
  readonly reason: string;
  /** Epoch milliseconds of the last change. */
  readonly since: number;
}
