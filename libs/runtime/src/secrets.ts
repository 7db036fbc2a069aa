// Kept where the ledger has always imported it from; the embedded database needs it too, one layer down.
export { loadOrCreateSecret } from '@ledger/database';
