// The ledger's own money helpers (pure TypeScript), bundled into the console so that amounts typed
// in yuan become fen by exactly the same string arithmetic the API's roster imports use.
export { formatYuan, parseYuanToFen } from '../../../libs/ledger/src/shared/money';
