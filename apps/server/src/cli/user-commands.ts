import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { CLEARANCES, type Clearance } from '@vanphong/contracts';
import { loadConfig } from '../config.ts';
import { createContext, type AppContext } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { createUser, findUserIdByUsername, resetPassword, updateUser } from '../modules/users/users.usecases.ts';
import { cliAuditContext } from './commands.ts';

const out = (s: string) => process.stdout.write(`${s}\n`);

async function withContext(fn: (ctx: AppContext) => Promise<void>): Promise<void> {
  const ctx = await createContext({ config: loadConfig() });
  try {
    await fn(ctx);
  } catch (err) {
    const msg = err instanceof AppError ? `${err.code}: ${err.message}${err.details ? ` ${JSON.stringify(err.details)}` : ''}` : String(err);
    process.stderr.write(`${msg}\n`);
    process.exitCode = 1;
  } finally {
    await ctx.close();
  }
}

async function requireUserId(ctx: AppContext, username: string): Promise<number> {
  const id = await findUserIdByUsername(ctx, username);
  if (id === null) {
    throw new AppError({ code: 'users.not_found', status: 404, message: `no user "${username}"` });
  }
  return id;
}

/** A password that passes the policy, shown once to the operator. */
const generatedPassword = () => `Vp-${randomBytes(9).toString('base64url')}`;

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('Tài khoản — accounts');

  user
    .command('add')
    .description('Tạo tài khoản — create an account')
    .requiredOption('--username <name>')
    .requiredOption('--display-name <name>')
    .option('--role <codes>', 'comma-separated role codes', 'specialist')
    .option('--clearance <level>', `one of ${CLEARANCES.join(', ')}`, 'none')
    .option('--committee <id>', 'scope committee id')
    .option('--password <password>', 'initial password (generated when omitted)')
    .action(async (o: { username: string; displayName: string; role: string; clearance: string; committee?: string; password?: string }) =>
      withContext(async (ctx) => {
        if (!(CLEARANCES as readonly string[]).includes(o.clearance)) {
          throw new AppError({ code: 'validation.failed', status: 400, message: `clearance must be one of ${CLEARANCES.join(', ')}` });
        }
        const password = o.password ?? generatedPassword();
        const created = await createUser(
          ctx,
          { actor: null, audit: cliAuditContext() },
          {
            username: o.username.normalize('NFC'),
            password,
            displayName: o.displayName.normalize('NFC'),
            personId: null,
            roleCodes: o.role.split(',').map((s) => s.trim()).filter(Boolean),
            clearance: o.clearance as Clearance,
            scopeCommitteeId: o.committee ? Number(o.committee) : null,
            scopeAgencyId: null,
          },
        );
        out(`Created user ${created.username} (id ${created.id})${o.password ? '' : `; password: ${password}`}`);
      }),
    );

  user
    .command('reset-password <username>')
    .description('Đặt lại mật khẩu — reset a password (ends all sessions)')
    .option('--password <password>', 'new password (generated when omitted)')
    .action(async (username: string, o: { password?: string }) =>
      withContext(async (ctx) => {
        const id = await requireUserId(ctx, username);
        const password = o.password ?? generatedPassword();
        await resetPassword(ctx, { actor: null, audit: cliAuditContext() }, id, password);
        out(`Password reset for ${username}${o.password ? '' : `; new password: ${password}`}`);
      }),
    );

  user
    .command('disable <username>')
    .description('Khóa tài khoản — disable an account (ends all sessions)')
    .action(async (username: string) =>
      withContext(async (ctx) => {
        const id = await requireUserId(ctx, username);
        await updateUser(ctx, { actor: null, audit: cliAuditContext() }, id, { disabled: true });
        out(`Disabled ${username}`);
      }),
    );
}
