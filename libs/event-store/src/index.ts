export * from './event-store.port';
export * from './event-store.errors';
export * from './stream-by-stream';
export * from './canonical-json';
