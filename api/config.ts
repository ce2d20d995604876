// Configuration from the environment (documented in the README).
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  /** Whether POST /v1/teams is open to anyone. */
  signupOpen: boolean;
  /** Extra browser origins allowed by CORS, besides extension origins. */
  corsOrigins: string[];
  /** Requests per minute per token (and per address for unauthenticated routes). */
  rateLimitPerMinute: number;
  /** Unknown or revoked tokens one address may present per minute (a burst of 10) before
   * its requests are refused for a while. */
  failedAuthPerMinute: number;
  /** Largest request body in bytes. */
  bodyLimitBytes: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const int = (name: string, fallback: number, min = 1) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number ≥ ${min}, got "${raw}"`);
    return n;
  };
  const signup = (env.CHORUS_SIGNUP ?? 'open').toLowerCase();
  if (!['open', 'closed'].includes(signup)) throw new Error(`CHORUS_SIGNUP must be "open" or "closed", got "${signup}"`);
  return {
    // PORT=0 picks a free port (tests); the server prints the one it got.
    port: int('PORT', 8787, 0),
    host: env.HOST || '127.0.0.1',
    dataDir: env.CHORUS_DATA_DIR || './data',
    databaseUrl: env.DATABASE_URL || undefined,
    signupOpen: signup === 'open',
    corsOrigins: (env.CHORUS_CORS_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    rateLimitPerMinute: int('CHORUS_RATE_LIMIT', 600),
    failedAuthPerMinute: int('CHORUS_FAILED_AUTH_LIMIT', 30),
    bodyLimitBytes: int('CHORUS_BODY_LIMIT', 5 * 1024 * 1024),
  };
}
