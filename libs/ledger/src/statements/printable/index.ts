export * from './printable-statement';
export * from './statement-codes';
export * from './statement-issues.migration';
export * from './statement-html';
export * from './statement-pdf';
export * from './statement-printer';
export * from './printable-statements.module';
