export * from './database';
export * from './runtime.config';
export * from './runtime.module';
export * from './secrets';
