import type { SchemaObject } from '@nestjs/swagger';

/*
 * The OpenAPI schemas of reconciliation.view.ts (the answers of POST and GET /v1/reconciliations).
 */

const int = { type: 'integer' } as const;
const fen = { type: 'integer', minimum: 0, description: 'fen' } as const;
const text = { type: 'string' } as const;
const date = { type: 'string', format: 'date' } as const;
const nullable = (schema: SchemaObject): SchemaObject => ({ ...schema, nullable: true });

const household: SchemaObject = nullable({
  type: 'object',
  description: 'The household: its head named where a person reads it (null if not found).',
  required: ['id', 'registrationNo', 'headName'],
  properties: { id: text, registrationNo: text, headName: text },
});

const matchedRow: SchemaObject = {
  type: 'object',
  required: ['row', 'paymentId', 'household', 'amountFen', 'date'],
  properties: { row: int, paymentId: text, household, amountFen: fen, date },
};

const bankStatus: SchemaObject = { type: 'string', enum: ['成功', '退回'] };

export const ReconciliationViewSchema: SchemaObject = {
  type: 'object',
  required: [
    'id',
    'position',
    'township',
    'fileName',
    'sha256',
    'recordedAt',
    'recordedBy',
    'firstDate',
    'lastDate',
    'appliedReturns',
    'rows',
    'matched',
    'matchedRows',
    'returned',
    'amountMismatches',
    'unmatchedBankRows',
    'unmatchedPayments',
    'totals',
  ],
  properties: {
    id: { type: 'string', example: 'reconciliation-7c9e6679-7425-50de-944b-e07fc1f90ae7' },
    position: int,
    township: text,
    fileName: text,
    sha256: { type: 'string', description: "The bank file's SHA-256, lowercase hex." },
    recordedAt: { type: 'string', format: 'date-time' },
    recordedBy: nullable(text),
    firstDate: nullable(date),
    lastDate: nullable(date),
    appliedReturns: { type: 'boolean', description: 'Whether `apply=returns` was asked.' },
    rows: int,
    matched: { type: 'integer', description: 'Rows matched to a payment of the same amount with status 成功.' },
    matchedRows: { type: 'array', items: matchedRow },
    returned: {
      type: 'array',
      items: {
        ...matchedRow,
        required: [...(matchedRow.required ?? []), 'returnRecorded', 'status'],
        properties: {
          ...matchedRow.properties,
          returnRecorded: { type: 'boolean', description: 'This reconciliation records the return.' },
          returnApplication: {
            type: 'string',
            enum: ['applied', 'pending'],
            description:
              'For a return this reconciliation records: applied once the payment is returned; pending while not (post the file again to complete it).',
          },
          status: { type: 'string', enum: ['paid', 'returned', 'reissued'], description: 'The payment now.' },
          reissuedAs: text,
        },
      },
    },
    amountMismatches: {
      type: 'array',
      items: {
        type: 'object',
        required: ['row', 'paymentId', 'household', 'bankFen', 'ledgerFen', 'date'],
        properties: { row: int, paymentId: text, household, bankFen: fen, ledgerFen: fen, date },
      },
    },
    unmatchedBankRows: {
      type: 'array',
      items: {
        type: 'object',
        required: ['row', 'reference', 'amountFen', 'date', 'status', 'registrationNo', 'household'],
        properties: {
          row: int,
          reference: nullable(text),
          amountFen: fen,
          date,
          status: bankStatus,
          registrationNo: nullable(text),
          household,
        },
      },
    },
    unmatchedPayments: {
      type: 'array',
      items: {
        type: 'object',
        required: ['paymentId', 'household', 'paidOn', 'amountFen', 'reference'],
        properties: { paymentId: text, household, paidOn: date, amountFen: fen, reference: nullable(text) },
      },
    },
    totals: {
      type: 'object',
      required: [
        'matchedFen',
        'returnedFen',
        'mismatchBankFen',
        'mismatchLedgerFen',
        'unmatchedBankRowsFen',
        'unmatchedPaymentsFen',
      ],
      properties: {
        matchedFen: fen,
        returnedFen: fen,
        mismatchBankFen: fen,
        mismatchLedgerFen: fen,
        unmatchedBankRowsFen: fen,
        unmatchedPaymentsFen: fen,
      },
    },
  },
};

const counts = [
  'rows',
  'matched',
  'returned',
  'returnsRecorded',
  'amountMismatches',
  'unmatchedBankRows',
  'unmatchedPayments',
] as const;

export const ReconciliationListSchema: SchemaObject = {
  type: 'object',
  required: ['township', 'items', 'totals'],
  properties: {
    township: nullable(text),
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: [
          'id',
          'position',
          'township',
          'fileName',
          'sha256',
          'recordedAt',
          'recordedBy',
          'firstDate',
          'lastDate',
          'appliedReturns',
          ...counts,
        ],
        properties: {
          id: text,
          position: int,
          township: text,
          fileName: text,
          sha256: text,
          recordedAt: { type: 'string', format: 'date-time' },
          recordedBy: nullable(text),
          firstDate: nullable(date),
          lastDate: nullable(date),
          appliedReturns: { type: 'boolean' },
          ...Object.fromEntries(counts.map((c) => [c, int])),
        },
      },
    },
    totals: {
      type: 'object',
      required: ['reconciliations', ...counts],
      properties: { reconciliations: int, ...Object.fromEntries(counts.map((c) => [c, int])) },
    },
    nextCursor: text,
  },
};
