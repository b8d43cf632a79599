import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** `postgres://…` or empty for the embedded SQLite at `${dataDir}/vanphong.sqlite`. */
  databaseUrl: string;
  nodeEnv: string;
  logLevel: string;
  /** Secure cookies; on by default in production (run behind TLS). */
  cookieSecure: boolean;
  trustProxy: boolean;
  /** Upload limit for files, in bytes. */
  maxFileBytes: number;
  /** JSON body limit, in bytes. */
  bodyLimitBytes: number;
  /** Background work in this process: `all` (default), `web` (HTTP only) or `worker` (jobs only). */
  processMode: 'all' | 'web' | 'worker';
  jobsPollMs: number;
  webDistDir: string;
  version: string;
}

const bool = (v: string | undefined, dflt: boolean): boolean =>
  v === undefined || v === '' ? dflt : ['1', 'true', 'yes', 'on'].includes(v.toLowerCase());

const int = (v: string | undefined, dflt: number): number => {
  const n = v === undefined || v === '' ? NaN : Number(v);
  return Number.isFinite(n) ? n : dflt;
};

export const APP_VERSION = '0.1.0';

/** Reads the environment once. Names are a contract (issue 2): PORT, DATA_DIR, DATABASE_URL, NODE_ENV. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = env.NODE_ENV ?? 'development';
  const mode = env.PROCESS_MODE ?? 'all';
  return {
    port: int(env.PORT, 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL ?? '',
    nodeEnv,
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    cookieSecure: bool(env.COOKIE_SECURE, nodeEnv === 'production'),
    trustProxy: bool(env.TRUST_PROXY, false),
    maxFileBytes: int(env.MAX_FILE_MB, 50) * 1024 * 1024,
    bodyLimitBytes: int(env.BODY_LIMIT_KB, 1024) * 1024,
    processMode: mode === 'web' || mode === 'worker' ? mode : 'all',
    jobsPollMs: int(env.JOBS_POLL_MS, 2000),
    webDistDir: path.resolve(env.WEB_DIST_DIR ?? new URL('../../web/dist', import.meta.url).pathname),
    version: APP_VERSION,
  };
}
