import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { newCommandId, newStreamId } from '@ledger/ledger/common/ids';
import type { CommandMetadata } from '@ledger/ledger/common/stream-writer';
import type { SyntheticCity } from '../city/city-plan';
import { StartEmploymentCommand } from '@ledger/ledger/employment/start-employment/start-employment.command';
import { RegisterEntityCommand } from '@ledger/ledger/entities/register-entity/register-entity.command';
import type { CitySeeder } from '../seed/city-seeder';
import { SEED_ACTOR } from '../seed/city-seeder';
import { inParallel, spread, type Spread } from '../stats';
import { CLI_MAIN, DIST_APPS, runCli } from './processes';

/** Workers on the roster factory's payroll: 1,000 workers × 100 months make a 100,000-row roster. */
const WORKERS = 1000;
const MONTHS_PER_FILE = 100;
const FIRST_MONTH = 2019 * 12; // 2019-01

/** A roster to import, and the factory it is for. */
export interface Roster {
  rows: number;
  path: string;
  entityId: string;
}

export interface ImportPlan {
  files: Roster[];
  small: Roster;
}

export interface ImportResults {
  available: boolean;
  reason?: string;
  rowsPerSecond?: number;
  peakMb?: number;
  runs?: Spread;
  seconds?: number[];
  /** Peak memory importing a tenth of the rows: flat memory means about the same peak. */
  smallFile?: { rows: number; seconds: number; peakMb: number };
  output?: string;
}

const monthName = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

function metadata(): CommandMetadata {
  const commandId = newCommandId();
  return {
    actor: SEED_ACTOR,
    commandId,
    issuedAt: new Date().toISOString(),
    correlationId: commandId,
    causationId: commandId,
  };
}

/**
 * Garment factories of 1,000 workers each from the city's households, registered through the command
 * bus, and their wage rosters as CSV files (户编号, 姓名, 月份, 金额, 发放日期): one of 100,000 rows (100
 * months) imported by every run, each run into a factory of its own so that every run does the same
 * work (a run on top of an earlier one would first read and open 100 more events in each worker's
 * stream), and one of 10,000 rows, into one more factory, to compare the importer's memory with. A
 * roster names no factory (`--entity` does), so one file serves every run.
 */
export async function prepareImport(
  app: INestApplicationContext,
  city: SyntheticCity,
  seeder: CitySeeder,
  dir: string,
  log: (line: string) => void,
  runs = 1,
): Promise<ImportPlan> {
  await mkdir(dir, { recursive: true });
  const workers = Array.from({ length: WORKERS }, (_, n) => {
    const h = city.households[n % city.households.length];
    return {
      householdId: seeder.ids.id(h.key),
      registrationNo: h.registrationNo,
      workerName: `${h.headName}${n + 1}号`,
    };
  });
  const large = await writeRoster(join(dir, 'wages-100k.csv'), workers, MONTHS_PER_FILE);
  const small = await writeRoster(join(dir, 'wages-10k.csv'), workers, 10);
  const files: Roster[] = [];
  for (let r = 0; r < runs; r++) {
    files.push({ ...large, entityId: await registerFactory(app, city, workers, `${r + 1}`, log) });
  }
  return { files, small: { ...small, entityId: await registerFactory(app, city, workers, 'small', log) } };
}

interface Worker {
  householdId: string;
  registrationNo: string;
  workerName: string;
}

/** A factory and its workers' employments, through the command bus; answers the factory's id. */
async function registerFactory(
  app: INestApplicationContext,
  city: SyntheticCity,
  workers: readonly Worker[],
  label: string,
  log: (line: string) => void,
): Promise<string> {
  const commands = app.get(CommandBus);
  const county = city.counties[0];
  const m = metadata();
  const entityId = newStreamId('entity', m);
  log(`import: registering satellite factory ${label} with ${WORKERS} workers through the command bus`);
  await commands.execute(
    new RegisterEntityCommand(
      {
        entityId,
        name: `${county.name}名册测试服装卫星工厂${label}`,
        kind: 'satellite_factory',
        township: county.townships[0].name,
        county: county.name,
      },
      m,
    ),
  );
  await inParallel(workers, 8, async (w) => {
    const md = metadata();
    await commands.execute(
      new StartEmploymentCommand(
        {
          employmentId: newStreamId('employment', md),
          entityId,
          householdId: w.householdId,
          workerName: w.workerName,
          startsOn: '2019-01-01',
          wageBasis: 'monthly',
          rateFen: 200000,
        },
        md,
      ),
    );
  });
  return entityId;
}

/** `months` months of the workers' wages from 2019-01, one row a worker a month. */
async function writeRoster(
  path: string,
  workers: readonly Worker[],
  months: number,
): Promise<{ rows: number; path: string }> {
  const out = createWriteStream(path);
  out.write('户编号,姓名,月份,金额,发放日期\n');
  for (let i = 0; i < months; i++) {
    const month = monthName(FIRST_MONTH + i);
    const paidOn = `${monthName(FIRST_MONTH + i + 1)}-10`;
    let chunk = '';
    for (const w of workers) chunk += `${w.registrationNo},${w.workerName},${month},2000.00,${paidOn}\n`;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { rows: months * workers.length, path };
}

/** Runs `ledger-cli import wages` on each roster, timing it and sampling its memory. */
export async function measureImport(
  plan: ImportPlan,
  env: Record<string, string>,
  log: (line: string) => void,
): Promise<ImportResults> {
  if (!existsSync(CLI_MAIN) || !existsSync(join(DIST_APPS, 'ledger-cli/src/import/import.command.js'))) {
    return { available: false, reason: 'ledger-cli has no import command in this build' };
  }
  const run = (roster: Roster) =>
    runCli(['import', 'wages', roster.path, '--entity', roster.entityId, '--json'], { ...env, LOG_LEVEL: 'warn' });
  log(`import: ledger-cli import wages, ${plan.small.rows} rows (for the memory comparison)`);
  const small = await run(plan.small);
  if (small.code !== 0) {
    return {
      available: false,
      reason: `the import failed (exit ${small.code}): ${(small.stderr || small.stdout).slice(0, 500)}`,
    };
  }
  const seconds: number[] = [];
  let peak = 0;
  let output = '';
  for (const file of plan.files) {
    log(`import: ledger-cli import wages, ${file.rows} rows`);
    const result = await run(file);
    if (result.code !== 0) {
      return {
        available: false,
        reason:
          `the import failed or was stopped after ${(result.ms / 1000).toFixed(0)} s ` +
          `(exit ${result.code}): ${(result.stderr || result.stdout).slice(0, 500)}`,
        peakMb: result.peakMb,
        smallFile: { rows: plan.small.rows, seconds: small.ms / 1000, peakMb: small.peakMb },
      };
    }
    seconds.push(result.ms / 1000);
    peak = Math.max(peak, result.peakMb);
    output = result.stdout.slice(0, 2000);
    log(`  ${(result.ms / 1000).toFixed(1)} s, peak RSS ${result.peakMb.toFixed(0)} MiB`);
  }
  const rates = seconds.map((s, i) => plan.files[i].rows / s);
  const runs = spread(rates);
  return {
    available: true,
    rowsPerSecond: runs.median,
    peakMb: peak,
    runs,
    seconds,
    smallFile: { rows: plan.small.rows, seconds: small.ms / 1000, peakMb: small.peakMb },
    output,
  };
}
