import { readFile } from 'node:fs/promises';
import { Command, CommandRunner, Help, Option, SubCommand } from 'nest-commander';
import { nodeSha256 } from '@ledger/event-store/seals/log-seals';
import { isHex, verifyProof } from '@ledger/event-store/seals/merkle';
import { EXIT } from '../exit-codes';

interface VerifyOptions {
  root?: string;
  json?: boolean;
}

/**
 * `ledger-cli proof verify <proof.json> --root <hex>`: checks a payment's proof (as `GET
 * /v1/payments/{id}/proof` answers it) against a root read off the notice board or `GET
 * /v1/audit/seals`. Offline: no database, no server; the same Merkle arithmetic as the phone page.
 */
@SubCommand({
  name: 'verify',
  arguments: '<proof.json>',
  description: 'Check a payment’s Merkle proof offline against a published seal root (离线核验付款证明)',
})
export class ProofVerifyCommand extends CommandRunner {
  async run([file]: string[], options: VerifyOptions): Promise<void> {
    const root = options.root?.toLowerCase();
    if (root === undefined || !isHex(root, 32)) {
      process.stderr.write(
        'Give --root: the seal root to check against, 64 hex digits.\nSee: ledger-cli proof verify --help\n',
      );
      process.exitCode = EXIT.USAGE;
      return;
    }
    let proof: unknown;
    try {
      proof = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      process.stderr.write(`${file} cannot be read as JSON: ${(error as Error).message}\n`);
      process.exitCode = EXIT.USAGE;
      return;
    }
    const verdict = await verifyProof(nodeSha256, proof, root);
    const p = proof as { paymentId?: unknown; position?: unknown };
    if (options.json) {
      process.stdout.write(`${JSON.stringify({ paymentId: p.paymentId ?? null, ...verdict })}\n`);
    } else if (verdict.ok) {
      process.stdout.write(
        `VERIFIED: payment ${String(p.paymentId)} (position ${String(p.position)}) is in the log sealed under root ${root} (已核验).\n`,
      );
    } else {
      process.stdout.write(`MISMATCH (${verdict.reason}): ${verdict.detail} (不符).\n`);
    }
    process.exitCode = verdict.ok ? EXIT.OK : EXIT.REJECTED;
  }

  @Option({ flags: '--root <hex>', description: 'the published seal root (64 hex digits) the proof must lead to' })
  parseRoot(value: string): string {
    return value;
  }

  @Option({ flags: '--json', description: 'print the verdict as JSON for scripts' })
  parseJson(): boolean {
    return true;
  }

  @Help('after')
  examples(): string {
    return [
      '',
      'Needs no database and no server: only the proof file and a root taken from elsewhere (the village',
      'notice board, GET /v1/audit/seals). The proof holds the payment event’s hash and the sibling hashes',
      'up to the seal’s root (sha256 over raw bytes, an odd node carried up unchanged).',
      '',
      'Examples:',
      '  $ curl -s -H "Authorization: Bearer $TOKEN" localhost:3000/v1/payments/lease-…p1/proof > proof.json',
      '  $ curl -s localhost:3000/v1/audit/seals | jq -r .seals[0].root',
      '  $ ledger-cli proof verify proof.json --root 3f5a…c1',
      '  $ ledger-cli proof verify proof.json --root 3f5a…c1 --json',
      '',
      'Exit codes: 0 the proof leads to the root, 1 it does not (or is malformed), 2 usage.',
    ].join('\n');
  }
}

/** `ledger-cli proof`: per-payment Merkle proofs. */
@Command({
  name: 'proof',
  description: 'Per-payment Merkle proofs: verify one offline (付款证明)',
  subCommands: [ProofVerifyCommand],
})
export class ProofCommand extends CommandRunner {
  run(): Promise<void> {
    process.stderr.write('Say what to do: ledger-cli proof verify <proof.json> --root <hex>\n');
    process.exitCode = EXIT.USAGE;
    return Promise.resolve();
  }
}
