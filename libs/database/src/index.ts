export * from './connection-errors';
export * from './database-url';
export * from './embedded-database';
export * from './migrator';
export * from './secrets';
