import { Command } from 'commander';
import { registerCommands } from './commands.ts';

const program = new Command();
program
  .name('vanphong')
  .description('Văn phòng cấp ủy số — quản trị / administration CLI')
  .showHelpAfterError();
registerCommands(program);
await program.parseAsync(process.argv);
