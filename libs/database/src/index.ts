export * from './database-url';
export * from './embedded-database';
export * from './migrator';
