import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectCommander } from 'nest-commander';
import { EXIT } from './exit-codes';

/**
 * commander exits with 1 on a usage error in a subcommand (unknown option, missing argument); scripts
 * need to tell that from a rejected run, so every command exits 2 on usage errors and 0 after help.
 */
/** The part of commander's Command this needs (commander itself is nest-commander's dependency). */
interface CommandTree {
  exitOverride(handler: (error: { code: string }) => void): unknown;
  readonly commands: readonly CommandTree[];
}

@Injectable()
export class UsageErrors implements OnApplicationBootstrap {
  constructor(@InjectCommander() private readonly program: CommandTree) {}

  onApplicationBootstrap(): void {
    const visit = (command: CommandTree): void => {
      command.exitOverride((error) => {
        const helpOrVersion = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code);
        process.exit(helpOrVersion ? EXIT.OK : EXIT.USAGE);
      });
      command.commands.forEach(visit);
    };
    visit(this.program);
  }
}
