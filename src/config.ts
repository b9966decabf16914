import { z } from 'zod';
import { corsOriginsSetting } from './http/cors';

const int = (def: number) => z.coerce.number().int().positive().default(def);

/** Every setting the API reads, validated once at start-up. The README's "Settings" table mirrors it. */
const schema = z.object({
  NODE_ENV: z.string().default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\//, 'must start with bolt://, neo4j://, or a +s/+ssc variant')
    .optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default('neo4j'),
  NEO4J_DATABASE: z.string().optional(),
  NEO4J_BOLT_PORT: z.coerce.number().int().min(1).max(65535).default(7687),
  AGENCEMENT_DATA_DIR: z.string().default('./.data'),
  AGENCEMENT_SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  /** Page size cap for every connection. */
  MAX_PAGE_SIZE: int(100),
  /**
   * Page size cap for the members of one parent (an operation's participations): a page that draws
   * a whole operation asks for them in one or two requests; the cost limit still applies.
   */
  MAX_MEMBER_PAGE_SIZE: int(2000),
  /** Query bounds (see src/http/limits.ts). */
  MAX_QUERY_DEPTH: int(15),
  MAX_QUERY_COST: int(10000),
  MAX_ALIASES: int(30),
  MAX_ROOT_FIELDS: int(20),
  MAX_BODY_BYTES: int(1_000_000),
  MAX_SYNC_ITEMS: int(5000),
  /** Actors and bonds the start-up rehearsal of the sync's write path syncs, rolled back (src/sync/sync.warmup.ts); 0: none. */
  SYNC_WARMUP_ITEMS: z.coerce.number().int().min(0).max(5000).default(1000),
  NEO4J_TX_TIMEOUT_MS: int(30000),
  /**
   * Write transactions one process runs at once; more wait their turn in the process (at most
   * NEO4J_TX_TIMEOUT_MS) instead of holding pooled connections that reads need. Writes serialize on
   * the change-feed sequence anyway, so a few in parallel is all the throughput there is.
   */
  NEO4J_MAX_CONCURRENT_WRITES: int(8),
  SHUTDOWN_TIMEOUT_MS: int(10000),
  /** On SIGTERM, how long /readyz says 503 while still serving, so load balancers stop routing first. */
  SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).default(1000),
  /** Slow clients: time to send the headers, the whole request (body included), idle time between keep-alive requests, connections at once. */
  HTTP_HEADERS_TIMEOUT_MS: int(10_000),
  HTTP_REQUEST_TIMEOUT_MS: int(30_000),
  HTTP_KEEPALIVE_TIMEOUT_MS: int(5_000),
  HTTP_MAX_CONNECTIONS: int(1024),
  /** Distinct operation names labelled in /metrics; later names are counted as `other`. */
  METRICS_MAX_OPERATIONS: int(100),
  /** When set, /metrics needs `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** When set, /metrics is served on this port of 127.0.0.1 only, not on PORT (0: any free port). */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `true`: anonymous and VIEWER callers may run analytics and exports too (public dashboards). */
  ANALYTICS_PUBLIC: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** The program's own source: transversality counts only the DEPARTMENT actors of this source. */
  PROGRAM_SOURCE: z.string().min(1).default('tesr'),
  /**
   * Further sources whose actors, bonds and participations transversality counts as the program's
   * own (comma-separated): by default `demo` (the seed's fictional council staff) and `api` (what an
   * EDITOR or ADMIN writes without naming a source). A partner's source must not be listed, or its
   * data would count as the council's.
   */
  PROGRAM_STAFF_SOURCES: z.string().default('demo,api').transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean)),
  /** Optional JWT (HS256) secret: bearer tokens that are JWTs are checked with it. */
  AUTH_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Origins (scheme://host[:port], comma-separated) whose pages may call /graphql and /export; `*` is refused. */
  CORS_ORIGINS: corsOriginsSetting,
  /** Webhooks (issue #15; see src/webhooks/). `false`: this instance serves the API but delivers no webhook. */
  WEBHOOK_DELIVERY: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  /** Hosts webhook URLs may name (a webhook is a request the server makes): `host`, `*.domain`; empty: any. */
  WEBHOOK_ALLOWED_HOSTS: z.string().default('').transform((v) => v.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean)),
  WEBHOOK_TIMEOUT_MS: int(5000),
  WEBHOOK_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(100),
  /** Consecutive failed attempts after which a webhook is paused (resumeWebhook restarts it). */
  WEBHOOK_MAX_ATTEMPTS: int(10),
  WEBHOOK_RETRY_BASE_MS: int(1000),
  WEBHOOK_RETRY_MAX_MS: int(300_000),
  WEBHOOK_POLL_INTERVAL_MS: int(500),
  /** How long an instance owns a webhook's delivery without renewing it; another instance takes over after it. */
  WEBHOOK_LEASE_MS: int(30_000),
  /** Webhooks one instance delivers to at once. */
  WEBHOOK_CONCURRENCY: int(8),
  /** How often live subscriptions look for new changes (one small read per instance while any waits). */
  CHANGES_POLL_INTERVAL_MS: int(250),
  WS_MAX_CONNECTIONS_PER_KEY: int(10),
  WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: int(5),
  /** Longest a JWT lives after its `iat`, whatever its `exp`; when set, tokens without `exp` are accepted within it. */
  AUTH_JWT_MAX_AGE_S: z.coerce.number().int().positive().optional(),
}).refine((c) => c.WEBHOOK_LEASE_MS >= 2 * c.WEBHOOK_TIMEOUT_MS, { path: ['WEBHOOK_LEASE_MS'], message: 'must be at least twice WEBHOOK_TIMEOUT_MS (a delivery must end well inside its lease)' });

export type Config = z.infer<typeof schema>;

/** Combinations node's http server refuses, checked with the rest. */
const checked = schema.superRefine((c, ctx) => {
  if (c.HTTP_HEADERS_TIMEOUT_MS > c.HTTP_REQUEST_TIMEOUT_MS) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['HTTP_HEADERS_TIMEOUT_MS'], message: 'must not be larger than HTTP_REQUEST_TIMEOUT_MS' });
});

/** Reads and validates the environment; throws one readable error listing every bad setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = checked.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid settings:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export const isProduction = (c: Config): boolean => c.NODE_ENV === 'production';
