/** Pure primitives used by the ledger's decide functions: money, dates, fractions, periods, allocation, rent. */
export * from './money';
export * from './calendar';
export * from './fraction';
export * from './period';
export * from './allocation';
export * from './rent';
export * from './text';
