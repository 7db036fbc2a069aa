import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

/**
 * The OpenAPI document, made from the routes' own declarations (`LedgerWrite`, `LedgerQuery`,
 * `LedgerDocument` and the DTOs' `@ApiProperty`). The same function serves `/api/docs-json` and
 * writes `apps/ledger-api/openapi.json`, so the two never differ.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Benefit-linkage ledger')
      .setDescription(
        'Records every stake, dividend, lease, wage and purchase payment to poor households, and explains them.',
      )
      .setVersion('1')
      .setLicense('UNLICENSED', 'https://example.invalid/unlicensed')
      .addServer('/', 'This service')
      .addBearerAuth()
      .build(),
    { operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}` },
  );
  return document;
}
