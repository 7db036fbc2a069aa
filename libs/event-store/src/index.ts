export * from './event-store.port';
export * from './event-store.errors';
export * from './eventstoredb/eventstoredb-event-store';
export * from './stream-by-stream';
