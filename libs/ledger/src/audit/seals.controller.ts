import { Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { LogSeals } from '@ledger/event-store/seals/log-seals';
import { SealProofs, type PublishedSeal } from '@ledger/event-store/seals/seal-proofs';
import type { Actor } from '../common/actor';
import { assertAdmin } from '../common/actor';
import { refuse } from '../common/domain-error';
import { AllowedRoles, Public } from '../http/auth.guard';
import { CurrentActor } from '../http/request-context';
import { ListSealsRequest, SEAL_MADE_SCHEMA } from './seals.dto';
import { LedgerQuery, LedgerWrite } from '../http/contract/route-contract';

/** A seal as `POST /v1/audit/seals` answers it. */
export type SealMade = Omit<PublishedSeal, 'algorithm'>;

/** A page of published seals, as `GET /v1/audit/seals` answers it; `next` is the following page's `after`. */
export interface SealList {
  seals: PublishedSeal[];
  next?: number;
}

@ApiTags('audit')
@Controller('v1/audit/seals')
export class SealsController {
  constructor(
    private readonly seals: LogSeals,
    private readonly proofs: SealProofs,
  ) {}

  /**
   * Every seal's Merkle root, oldest first, for posting on a village notice board: no token needed
   * (roots say nothing about anyone). `next` is the `after` of the following page, when there is one.
   */
  @Public()
  @LedgerQuery({ summary: 'List seals', view: 'SealList', public: true, refusals: [] })
  @Get()
  async list(@Query() query: ListSealsRequest): Promise<SealList> {
    const limit = query.limit ?? 1000;
    const page = await this.proofs.list(query.after ?? 0, limit + 1);
    const seals = page.slice(0, limit);
    return page.length > limit ? { seals, next: seals[seals.length - 1].sealId } : { seals };
  }

  /**
   * Seals what is unsealed now (admin): `201` with the new seal, or `200` with the latest one when
   * nothing was left to seal; `422` while the log is empty.
   */
  @ApiBearerAuth()
  @AllowedRoles('admin')
  @LedgerWrite({
    summary: 'Seal the log',
    refusals: ['SEAL.EMPTY_LOG', 'AUTH.ADMIN_ONLY'],
    view: SEAL_MADE_SCHEMA,
    answers: { 201: 'Sealed: the new seal.', 200: 'Nothing was left to seal: the latest seal.' },
  })
  @Post()
  @HttpCode(201)
  async seal(@CurrentActor() actor: Actor, @Res({ passthrough: true }) response: Response): Promise<SealMade> {
    assertAdmin(actor);
    // Two sealers reaching for one seal number leave one seal: try once more after losing the race.
    const made = (await this.seals.seal()) ?? (await this.seals.seal());
    if (made?.root !== undefined) return asMade(made);
    const latest = await this.proofs.latest();
    if (!latest) throw refuse('SEAL.EMPTY_LOG', 'The log holds nothing to seal yet.', '账本中尚无可封存的记录。');
    response.status(200);
    const { sealId, root, fromPosition, toPosition, sealedAt } = latest;
    return { sealId, root, fromPosition, toPosition, sealedAt };
  }
}

function asMade(seal: NonNullable<Awaited<ReturnType<LogSeals['seal']>>>): SealMade {
  return {
    sealId: seal.sealNo,
    root: seal.root!,
    fromPosition: seal.fromPosition!,
    toPosition: seal.toPosition!,
    sealedAt: seal.sealedAt.toISOString(),
  };
}
