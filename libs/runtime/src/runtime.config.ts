import { plainToInstance, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min, MinLength, validateSync } from 'class-validator';

/**
 * The service's configuration, read from the environment (see the README's table) and validated at
 * start so that a typo fails loudly instead of silently falling back to a default.
 */
export class RuntimeConfig {
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** PostgreSQL for events and read models; unset means the embedded server under LEDGER_DATA_DIR. */
  @IsOptional()
  @IsString()
  DATABASE_URL?: string;

  /** Where the embedded database and generated secrets live. */
  @IsString()
  LEDGER_DATA_DIR = './.data';

  /** Token of the bootstrap admin; unset means one is generated on first start and kept in the data dir. */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'LEDGER_ADMIN_TOKEN must be at least 16 characters' })
  LEDGER_ADMIN_TOKEN?: string;

  /**
   * Key from which user tokens are derived (HMAC), so a replayed user registration can answer the same
   * token without the token ever being stored. Replicas must share it. Unset: kept in the data dir.
   */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'LEDGER_TOKEN_SECRET must be at least 32 characters' })
  LEDGER_TOKEN_SECRET?: string;

  /**
   * Address of the web console as households reach it (`https://ledger.example.gov.cn`), printed as the
   * QR code and link on clarity cards. Unset: the address the card was requested at.
   */
  @IsOptional()
  @IsString()
  LEDGER_PUBLIC_URL?: string;

  /** How long the statement link printed on a clarity card stays valid, in days. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3660)
  LEDGER_STATEMENT_LINK_DAYS = 90;

  /** EventStoreDB for events (read models stay in PostgreSQL); unset means events in PostgreSQL. */
  @IsOptional()
  @IsString()
  EVENTSTORE_CONNECTION_STRING?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /**
   * How often the API seals the log (a global checkpoint hashing every event since the last seal),
   * in seconds; 0 leaves sealing to `ledger-cli seal`.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  LEDGER_SEAL_INTERVAL_SECONDS = 60;

  /** Size of the PostgreSQL connection pool. */
  @Type(() => Number)
  @IsInt()
  @Min(2)
  DATABASE_POOL_SIZE = 20;
}

/** Validates the environment, naming every bad variable and rule; used by ConfigModule and the CLI. */
export function validateRuntimeConfig(env: Record<string, unknown>): RuntimeConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const config = plainToInstance(RuntimeConfig, present, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    const lines = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `  ${e.property}: ${m}`));
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return config;
}
