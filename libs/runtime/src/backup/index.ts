export * from './backup-format';
export * from './read-backup';
export * from './restore-backup';
export * from './write-backup';
