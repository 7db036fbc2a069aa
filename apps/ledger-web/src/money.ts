// The ledger's own money helpers (pure TypeScript), bundled into the console so that amounts typed
// in yuan become fen by exactly the same string arithmetic the API's roster imports use.
export { formatYuan, parseYuanToFen } from '../../../libs/ledger/src/shared/money';
// A purchase's amount from its quantity and price, by the same bigint arithmetic the API checks with.
export { parseQuantity, purchaseAmountFen } from '../../../libs/ledger/src/orders/quantity';
