import { Module } from '@nestjs/common';
import { CoverageController } from './coverage.controller';
import { GetCoverageHandler } from './coverage.handler';

/** Coverage: every poor household linked to at least one industry, by place. */
@Module({ controllers: [CoverageController], providers: [GetCoverageHandler] })
export class CoverageModule {}
