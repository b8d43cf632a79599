import type { Command } from 'commander';

/** Registered by the backup module (see backup.ts). */
export function registerBackupCommands(_program: Command): void {}
