import { Controller, Post, Query as QueryString, UploadedFile } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createHash } from 'node:crypto';
import { readFile, unlink } from 'node:fs/promises';
import { nameBasedUuid } from '../../common/ids';
import type { CommandMetadata } from '../../common/stream-writer';
import { LedgerWrite } from '../../http/contract/route-contract';
import { BadInputException } from '../../common/bad-input';
import { RequestMetadata } from '../../http/request-context';
import { FileUpload } from '../../http/uploads';
import { textProblem } from '../../primitives/text';
import { MAX_BANK_FILE_BYTES, readBankFile } from '../bank-file';
import type { ReconciliationView } from '../reconciliation.view';
import { ReconcileBankFileCommand } from './reconcile-bank-file.command';
import { ReconcileBankFileRequest } from './reconcile-bank-file.dto';

@ApiTags('linkages')
@ApiBearerAuth()
@Controller('v1/reconciliations')
export class ReconcileBankFileController {
  constructor(private readonly commands: CommandBus) {}

  /**
   * Reconciles the bank's file (银行对账) against the township's payments: matched rows, returns (退回),
   * amount mismatches, rows the ledger lacks and payments the bank lacks; `apply=returns` records the
   * returns (once: a payment already returned is not returned again). The reconciliation is kept.
   */
  @LedgerWrite({
    summary: 'Reconcile a bank file',
    view: 'ReconciliationView',
    refusals: ['AUTH.OTHER_TOWNSHIP', 'AUTH.READ_ONLY_ROLE'],
    without: [404],
  })
  @Post()
  // A temporary file, read there as rosters are (the encoding is told from the bytes).
  @FileUpload({ directory: 'ledger-reconciliations', maxBytes: MAX_BANK_FILE_BYTES })
  async reconcile(
    @QueryString() query: ReconcileBankFileRequest,
    @UploadedFile() file: Express.Multer.File | undefined,
    @RequestMetadata() metadata: CommandMetadata,
  ): Promise<ReconciliationView> {
    if (!file) {
      throw new BadInputException([
        { path: 'file', message: 'attach the bank file (.csv) as the multipart field "file"' },
      ]);
    }
    try {
      // The name is kept in the reconciliation's event: the input domain of any text, as the importer checks it.
      const nameProblem = textProblem(file.originalname);
      if (nameProblem || file.originalname.trim() === '' || file.originalname.length > 255) {
        throw new BadInputException([
          {
            path: 'file',
            message: `the file's name ${nameProblem?.en ?? 'must be 1 to 255 characters, not only spaces'}`,
          },
        ]);
      }
      const sha256 = createHash('sha256')
        .update(await readFile(file.path))
        .digest('hex');
      const read = await readBankFile(file.path, file.originalname);
      if (!read.ok) {
        const en = query.lang === 'en';
        throw new BadInputException(
          read.errors.map((e) => ({
            path: e.column === '' ? `file[${e.row}]` : `file[${e.row}].${e.column}`,
            message: en
              ? `row ${e.row}${e.column ? `, column ${e.column}` : ''}${e.value ? ` (${e.value})` : ''}: ${e.en}`
              : `第 ${e.row} 行${e.column ? `“${e.column}”` : ''}${e.value ? `（${e.value}）` : ''}：${e.zh}`,
          })),
        );
      }
      return await this.commands.execute(
        new ReconcileBankFileCommand(
          {
            // From the command id: a retry with the same Idempotency-Key names the same reconciliation.
            reconciliationId: `reconciliation-${nameBasedUuid('reconciliation', metadata.commandId)}`,
            township: query.township,
            fileName: file.originalname,
            sha256,
            rows: read.rows,
            applyReturns: query.apply === 'returns',
          },
          metadata,
        ),
      );
    } finally {
      await unlink(file.path).catch(() => undefined);
    }
  }
}
