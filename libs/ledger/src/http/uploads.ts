import {
  applyDecorators,
  Injectable,
  SetMetadata,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import {
  applyDefaultLimits,
  removeFilesOnPipeRejection,
  runMulter,
} from '@nestjs/platform-express/multer/multer/multer.utils';
import { createHash } from 'node:crypto';
import { createReadStream, mkdirSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import multer, { diskStorage, type StorageEngine } from 'multer';
import { from, switchMap, type Observable } from 'rxjs';
import type { Request, Response } from 'express';

/** The multipart field every upload route reads its one file from. */
export const UPLOAD_FIELD = 'file';

interface Upload {
  storage: StorageEngine;
  parser: multer.Multer;
}

const UPLOAD = 'ledger:upload';

/**
 * A route that takes one file as the multipart field `file`, stored in a temporary file under
 * `<tmpdir>/<directory>` (never in memory: rosters are streamed from disk), at most `maxBytes` (413
 * beyond). The file is received by {@link UploadsInterceptor}, a global interceptor that runs before
 * the idempotency interceptor, so an `Idempotency-Key`'s digest covers the file's bytes (a route's own
 * `FileInterceptor` would only read it after that digest was taken).
 */
export function FileUpload(options: { directory: string; maxBytes: number }): MethodDecorator {
  const destination = join(tmpdir(), options.directory);
  const storage = diskStorage({
    destination: (_req, _file, done) => {
      mkdirSync(destination, { recursive: true });
      done(null, destination);
    },
  });
  // Browsers and curl send a file name's UTF-8 bytes as they are: 工资表.csv stays 工资表.csv.
  const parser = multer(
    applyDefaultLimits({ storage, defParamCharset: 'utf8', limits: { fileSize: options.maxBytes, files: 1 } }),
  );
  return applyDecorators(
    SetMetadata(UPLOAD, { storage, parser } satisfies Upload),
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        required: [UPLOAD_FIELD],
        properties: { [UPLOAD_FIELD]: { type: 'string', format: 'binary' } },
      },
    }),
  );
}

/** Receives the file of a {@link FileUpload} route (as Nest's `FileInterceptor` would), before any later interceptor. */
@Injectable()
export class UploadsInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const upload = this.reflector.get<Upload | undefined>(UPLOAD, context.getHandler());
    if (!upload) return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    return from(runMulter(upload.parser.single(UPLOAD_FIELD), request, response)).pipe(
      // A file the handler never sees (its query refused by a pipe) is removed once the answer is sent.
      switchMap(() => next.handle().pipe(removeFilesOnPipeRejection(upload.storage, request, response))),
    );
  }
}

/** What identifies a request's uploaded file: its field, name and the SHA-256 of its bytes; undefined without one. */
export async function uploadedFileDigest(
  request: Request,
): Promise<{ field: string; name: string; sha256: string } | undefined> {
  const file = request.file;
  if (!file) return undefined;
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file.path)) hash.update(chunk as Buffer);
  return { field: file.fieldname, name: file.originalname, sha256: hash.digest('hex') };
}

/** Removes a request's uploaded file when its handler will not run (an idempotent replay or a refused key). */
export async function discardUpload(request: Request): Promise<void> {
  if (request.file) await unlink(request.file.path).catch(() => undefined);
}
