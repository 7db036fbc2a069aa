import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, Matches, ValidateBy, ValidateIf } from 'class-validator';
import { idPattern } from '../common/id-pattern';

type HolderRequest = { householdId?: string; collectiveId?: string };

/**
 * `householdId` of a request that names a household or, in its place, a village collective: exactly
 * one of the two (400 naming `householdId` when neither or both are given).
 */
export function IsHolderHousehold(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      example: 'household-7c9e6679-7425-50de-944b-e07fc1f90ae7',
      description: `${description} Exactly one of householdId and collectiveId.`,
    }),
    ValidateIf((o: HolderRequest) => o.collectiveId === undefined || o.householdId !== undefined),
    IsDefined({ message: 'householdId is required (or collectiveId for a village collective)' }),
    Matches(idPattern('household'), { message: 'householdId must be a household id (household-…)' }),
    ValidateBy({
      name: 'householdOrCollective',
      validator: {
        validate: (_: unknown, args) => (args?.object as HolderRequest).collectiveId === undefined,
        defaultMessage: () => 'householdId and collectiveId exclude each other: give one of them',
      },
    }),
  );
}

/** `collectiveId`: a village collective (an entity of kind `village_collective`) in a household's place. */
export function IsHolderCollective(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      example: 'entity-0f8fad5b-d9cb-569f-a165-70867728950e',
      description: `${description} In place of householdId.`,
    }),
    ValidateIf((o: HolderRequest) => o.collectiveId !== undefined),
    Matches(idPattern('entity'), { message: 'collectiveId must be an entity id (entity-…)' }),
  );
}
