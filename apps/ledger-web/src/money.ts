// The ledger's own money helpers (pure TypeScript), bundled into the console so that amounts typed
// in yuan become fen by exactly the same string arithmetic the API's roster imports use; and a
// purchase's amount from its quantity and price, by the same bigint arithmetic the API checks with.
export { formatYuan, parseYuanToFen, parseQuantity, purchaseAmountFen } from '@ledger/contract';
