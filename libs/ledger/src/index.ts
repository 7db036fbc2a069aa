export * from './shared';
export * from './ledger.module';
export * from './migrations';
export * from './http/auth.guard';
export * from './http/idempotency.interceptor';
export * from './http/problem-details.filter';
export * from './http/validation';
export * from './users/ensure-admin/admin-bootstrap';
