/** A broker account id (int32 at ProjectX). */
export type AccountId = number;
/** A broker contract id, e.g. `CON.F.US.EP.Z26`. */
export type ContractId = string;
/** A broker order id: int64 at ProjectX, already above 2^31; safe as a JS number below 2^53. */
export type OrderId = number;
/** A broker fill id (int64, as OrderId). */
export type FillId = number;
/** Epoch milliseconds. */
export type EpochMs = number;
