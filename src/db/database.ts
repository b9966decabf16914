import neo4j, { isRetryableError, type Driver, type Session, type Transaction } from 'neo4j-driver';
import { cypher, type Variant } from './cypher';
import { plain } from './values';
import { bundleColumns, composeBundle, splitBundle, type BundlePart } from './bundle';
import { isTransactionTimeout, isUnreachable, ServiceUnavailableError, toAppError } from '../errors';
import type { Config } from '../config';

export interface DatabaseOptions {
  uri: string;
  user: string;
  password: string;
  /** Explicit database name; the server default when absent. */
  database?: string;
  txTimeoutMs: number;
  /** How long transient failures (deadlocks, lock waits, leader switches) are retried; 10 s by default. */
  retryWindowMs?: number;
  /**
   * How long an unreachable database is retried by one call, from its first failure to connect;
   * 3 s by default. With the connection timeout it keeps every answer within 10 s of an outage.
   */
  outageRetryMs?: number;
  /** Write transactions run at once by this process (NEO4J_MAX_CONCURRENT_WRITES); 8 by default. */
  maxConcurrentWrites?: number;
}

/** The settings of `config` for the Neo4j at `uri`: one place for the API, its CLIs and the bench's server. */
export function databaseOptions(config: Config, uri: string): DatabaseOptions {
  return {
    uri,
    user: config.NEO4J_USER,
    password: config.NEO4J_PASSWORD,
    database: config.NEO4J_DATABASE,
    txTimeoutMs: config.NEO4J_TX_TIMEOUT_MS,
    maxConcurrentWrites: config.NEO4J_MAX_CONCURRENT_WRITES,
  };
}

export type Row = Record<string, any>;
export type Params = Record<string, unknown>;

/** Observes every query sent (for metrics and the round-trip tests). */
export type QueryObserver = (name: string, ms: number, ok: boolean) => void;

/** The one owner of the Neo4j driver. Everything else reaches the database through an Executor. */
export class Database {
  readonly driver: Driver;
  private observers: QueryObserver[] = [];
  private sessionObservers: Array<(delta: number) => void> = [];

  readonly options: Required<Omit<DatabaseOptions, 'database'>> & Pick<DatabaseOptions, 'database'>;
  /** Admits write transactions, NEO4J_MAX_CONCURRENT_WRITES at a time (see Gate). */
  readonly writes: Gate;

  constructor(options: DatabaseOptions) {
    this.options = { retryWindowMs: 10_000, outageRetryMs: 3_000, ...options, maxConcurrentWrites: options.maxConcurrentWrites ?? 8 };
    this.writes = new Gate(this.options.maxConcurrentWrites);
    this.driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      disableLosslessIntegers: true,
      maxConnectionPoolSize: 64,
      connectionAcquisitionTimeout: 5_000,
      connectionTimeout: 3_000,
      maxTransactionRetryTime: this.options.retryWindowMs,
      userAgent: 'agencement/0.1',
      // The API never reads Neo4j's notifications (deprecations, unknown labels or property keys):
      // asking for none spares the server composing them and the driver decoding them on every
      // query. test/integration/cypher-notifications.int.test.ts keeps our Cypher free of them.
      notificationFilter: { minimumSeverityLevel: 'OFF' },
    });
  }

  /** Adds an observer; returns the function that removes it. */
  onQuery(observer: QueryObserver): () => void {
    this.observers.push(observer);
    return () => {
      this.observers = this.observers.filter((o) => o !== observer);
    };
  }

  /** Observes sessions opened (+1) and closed (−1): the connections a process holds. */
  onSession(observer: (delta: number) => void): void {
    this.sessionObservers.push(observer);
  }

  /** @internal */
  observe(name: string, ms: number, ok: boolean): void {
    for (const o of this.observers) o(name, ms, ok);
  }

  /** When a call last found the database unreachable, with no call succeeding since; null when reachable. */
  unreachableSince: number | null = null;

  /** @internal A call succeeded. */
  reportReachable(): void {
    this.unreachableSince = null;
  }

  /**
   * @internal A call found the database unreachable: the writes waiting for their turn are
   * refused now rather than each waiting for a slot and then for the database in its turn.
   */
  reportUnreachable(): void {
    this.unreachableSince ??= Date.now();
    if (!this.writes.stats.waiting) return;
    this.writes.refuseWaiting(() => new ServiceUnavailableError('The database cannot be reached; this write was waiting for its turn and was not run, nothing was stored. Retry in a few seconds'));
  }

  session(mode: 'READ' | 'WRITE'): Session {
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    if (this.sessionObservers.length) {
      for (const o of this.sessionObservers) o(1);
      const close = session.close.bind(session);
      let closed = false;
      session.close = async () => {
        if (!closed) {
          closed = true;
          for (const o of this.sessionObservers) o(-1);
        }
        return close();
      };
    }
    return session;
  }

  /** A request-scoped executor; `meta` is attached to every transaction (visible in Neo4j's query log). */
  executor(meta: Record<string, string> = {}): Executor {
    return new Executor(this, meta);
  }

  /** True when the database answers a trivial query within the driver's timeouts (one try: a probe, not a retry loop). */
  async ping(): Promise<boolean> {
    const s = this.session('READ');
    try {
      await s.run('RETURN 1', {}, { timeout: 2_000 });
      return true;
    } catch {
      return false;
    } finally {
      await s.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

/**
 * `session.run`, without the caller's stack trace the driver captures for every query (`new
 * Error().stack`, formatted at once: ~3 % of the API's CPU on the bench's reads) to graft onto a
 * failure. Our failures are mapped by toAppError and named by the query, so that stack is not
 * needed; the Result is built synchronously, so the limit is lifted for that call only.
 */
function runWithoutCallerStack(session: Session, text: string, params: Params, config: { timeout: number; metadata: Record<string, string> }) {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return session.run(text, params, config);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * A counting semaphore with a bounded wait: at most `max` holders; the others wait in arrival
 * order, and one that waited `timeoutMs` is refused with the error `refuse` makes.
 */
export class Gate {
  private running = 0;
  private readonly queue: Array<{ admit: () => void; refuse: (err: Error) => void }> = [];

  constructor(readonly max: number) {}

  get stats(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.queue.length };
  }

  /** Resolves with the function that leaves the gate (call it exactly once). */
  enter(timeoutMs: number, refuse: (running: number, waiting: number) => Error): Promise<() => void> {
    if (this.running < this.max) {
      this.running++;
      return Promise.resolve(this.leaver());
    }
    return new Promise((resolve, reject) => {
      const entry = {
        admit: () => {
          clearTimeout(timer);
          resolve(this.leaver());
        },
        refuse: (err: Error) => {
          clearTimeout(timer);
          reject(err);
        },
      };
      const timer = setTimeout(() => {
        const i = this.queue.indexOf(entry);
        if (i >= 0) this.queue.splice(i, 1);
        reject(refuse(this.running, this.queue.length));
      }, timeoutMs);
      this.queue.push(entry);
    });
  }

  /** Refuses every holder-to-be still waiting, with the error `refuse` makes. */
  refuseWaiting(refuse: () => Error): void {
    for (const entry of this.queue.splice(0)) entry.refuse(refuse());
  }

  private leaver(): () => void {
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const next = this.queue.shift();
      // The place passes straight to the next in line: `running` stays the same.
      if (next) next.admit();
      else this.running--;
    };
  }
}

/** A transaction handed to write work: runs named queries and returns plain rows. */
export class Tx {
  constructor(
    private readonly tx: Transaction,
    private readonly executor: Executor,
    private readonly live: () => boolean = () => true,
    /** The ChangeSequence the change events of this transaction are appended to: the feed's, but in a rehearsal. */
    readonly sequence = 'changes',
  ) {}

  /** Runs `cypher/<name>.cypher` with parameters. */
  run(name: string, params: Params = {}, variant?: Variant): Promise<Row[]> {
    if (!this.live()) return Promise.reject(new ServiceUnavailableError());
    return this.executor.timed(name, async () => {
      const res = await this.tx.run(cypher(name, variant), params);
      return res.records.map((r) => plain(r.toObject()));
    });
  }

  /** Runs literal Cypher text: only for migrations and test helpers, never with spliced values. */
  runText(text: string, params: Params = {}): Promise<Row[]> {
    return this.executor.timed('text', async () => {
      const res = await this.tx.run(text, params);
      return res.records.map((r) => plain(r.toObject()));
    });
  }
}

/**
 * Runs queries for one request: read transactions for reads (routed to followers on a cluster),
 * retried write transactions for writes, sessions always closed, driver errors mapped once here.
 */
export class Executor {
  /** Number of transactions this executor ran: the "round trips" of a request. */
  roundTrips = 0;

  constructor(
    readonly db: Database,
    private readonly meta: Record<string, string>,
  ) {}

  /**
   * One named read query, as an auto-commit transaction in a READ session: one Bolt exchange (RUN
   * and PULL together) instead of three (BEGIN, RUN+PULL, COMMIT), still routed to a follower on a
   * cluster (`neo4j://`), since routing follows the session's access mode. Retried like
   * `executeRead` would be: on transient errors and lost connections, with exponential back-off,
   * for at most the driver's retry window. A read is idempotent, so retrying it is safe.
   */
  read(name: string, params: Params = {}, variant?: Variant): Promise<Row[]> {
    return this.autoCommit(name, cypher(name, variant), params);
  }

  /**
   * Independent reads sent together. Two or more whose result columns can be read from their text
   * go as ONE query (see db/bundle.ts): one round trip, one transaction; the others run alone.
   */
  async readAll(queries: Array<{ name: string; params?: Params; variant?: Variant }>): Promise<Row[][]> {
    const parts: BundlePart[] = [];
    const bundled: number[] = [];
    const out = new Array<Promise<Row[]>>(queries.length);
    queries.forEach((q, i) => {
      const text = cypher(q.name, q.variant);
      const columns = bundleColumns(text);
      if (columns) {
        parts.push({ text, params: q.params ?? {}, columns });
        bundled.push(i);
      } else out[i] = this.read(q.name, q.params, q.variant);
    });
    if (parts.length === 1) out[bundled[0]] = this.autoCommit(queries[bundled[0]].name, parts[0].text, parts[0].params);
    else if (parts.length > 1) {
      const { text, params } = composeBundle(parts);
      const label = `bundle(${bundled.map((i) => queries[i].name).join('+')})`;
      const results = this.autoCommit(label, text, params).then(([row]) => splitBundle(row, parts) as Row[][]);
      bundled.forEach((qi, k) => (out[qi] = results.then((r) => r[k])));
    }
    return Promise.all(out);
  }

  /** One query as an auto-commit transaction in a READ session, retried on transient errors. */
  private async autoCommit(name: string, text: string, params: Params): Promise<Row[]> {
    try {
      return await this.retrying('READ', (session) =>
        this.timed(name, async () => {
          const res = await runWithoutCallerStack(session, text, params, this.txConfig());
          const rows = new Array<Row>(res.records.length);
          for (let i = 0; i < rows.length; i++) rows[i] = plain(res.records[i].toObject());
          return rows;
        }),
      );
    } catch (err) {
      throw toAppError(err);
    }
  }

  /** One read transaction running several queries that must see one state (one round trip per query). */
  async readTx<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    try {
      return await this.retrying('READ', (session, live) => this.transaction(session, work, live));
    } catch (err) {
      throw toAppError(err);
    }
  }

  /**
   * Runs `work` in an explicit transaction of `session`: committed when it returns, rolled back
   * when it throws or when the caller gave up on it (`live()` false: no further query, no commit).
   */
  private async transaction<T>(session: Session, work: (tx: Tx) => Promise<T>, live: () => boolean): Promise<T> {
    const tx = session.beginTransaction(this.txConfig());
    try {
      const out = await work(new Tx(tx, this, live));
      if (!live()) throw new ServiceUnavailableError();
      await tx.commit();
      return out;
    } catch (err) {
      if (tx.isOpen()) await tx.rollback().catch(() => undefined);
      throw err;
    }
  }

  /**
   * Runs `attempt` in a new session until it succeeds, with exponential back-off: transient errors
   * for at most the retry window, an unreachable database for at most `outageRetryMs` from this
   * call's first failure to reach it, so that an outage is answered SERVICE_UNAVAILABLE in bounded
   * time (and the writes waiting their turn at once, see reportUnreachable). Errors are mapped here.
   */
  private async retrying<T>(mode: 'READ' | 'WRITE', attempt: (session: Session, live: () => boolean) => Promise<T>): Promise<T> {
    const { retryWindowMs, outageRetryMs } = this.db.options;
    const deadline = Date.now() + retryWindowMs;
    let outageDeadline = Infinity;
    for (let n = 0; ; n++) {
      const session = this.db.session(mode);
      let abandoned = false;
      let timer: NodeJS.Timeout | undefined;
      try {
        // While the database is known to be unreachable, an attempt that has not answered within
        // outageRetryMs is abandoned (a server that accepts connections while starting may not
        // answer them): it runs no further query and never commits (see transaction()).
        const watchdog = new Promise<never>((_, reject) => {
          const check = () => {
            if (this.db.unreachableSince === null) timer = setTimeout(check, outageRetryMs);
            else {
              abandoned = true;
              reject(new ServiceUnavailableError());
            }
          };
          timer = setTimeout(check, outageRetryMs);
        });
        const out = await Promise.race([attempt(session, () => !abandoned), watchdog]);
        this.db.reportReachable();
        return out;
      } catch (err) {
        if (abandoned) throw err;
        const unreachable = isUnreachable(err);
        if (unreachable) {
          this.db.reportUnreachable();
          outageDeadline = Math.min(outageDeadline, Date.now() + outageRetryMs);
        }
        const delay = Math.min(100 * 2 ** n, unreachable ? 1_000 : 2_000) * (0.8 + Math.random() * 0.4);
        if (!isRetryableError(err) || Date.now() + delay > Math.min(deadline, outageDeadline)) throw err;
        await new Promise((r) => setTimeout(r, delay));
      } finally {
        clearTimeout(timer);
        // An abandoned session may hang on its connection: closed without waiting.
        if (abandoned) void session.close().catch(() => undefined);
        else await session.close().catch(() => undefined);
      }
    }
  }

  /**
   * One write transaction, retried on transient errors (deadlocks, leader switch) like reads are.
   * It first waits for its turn at the process's write gate (at most NEO4J_TX_TIMEOUT_MS). A write
   * that cannot finish in time (its turn, or the change-feed lock, did not come) fails with
   * SERVICE_UNAVAILABLE and stores nothing: the transaction is rolled back.
   */
  async write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const timeoutMs = this.db.options.txTimeoutMs;
    // While the database is unreachable a write does not queue: refused at once if no place is free.
    const leave = await this.db.writes.enter(this.db.unreachableSince === null ? timeoutMs : 0, (running, waiting) =>
      this.db.unreachableSince !== null ? new ServiceUnavailableError('The database cannot be reached; this write was not run, nothing was stored. Retry in a few seconds') :
      new ServiceUnavailableError(
        `Too many writes at once: ${running} running and ${waiting} waiting on this API instance, and this one did not get its turn within ${timeoutMs} ms (NEO4J_TX_TIMEOUT_MS); nothing was stored. Retry in a few seconds, or send items in bulk (syncActors, syncBonds)`,
      ),
    );
    try {
      return await this.retrying('WRITE', (session, live) => this.transaction(session, work, live));
    } catch (err) {
      if (isTransactionTimeout(err)) {
        throw new ServiceUnavailableError(`The write did not finish within ${timeoutMs} ms (NEO4J_TX_TIMEOUT_MS): the database is busy with other writes. Nothing was stored; retry in a few seconds`);
      }
      throw toAppError(err);
    } finally {
      leave();
    }
  }

  /** @internal */
  async timed<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.roundTrips++;
    const t0 = performance.now();
    let ok = false;
    try {
      const out = await fn();
      ok = true;
      return out;
    } finally {
      this.db.observe(name, performance.now() - t0, ok);
    }
  }

  private txConfig() {
    return { timeout: this.db.options.txTimeoutMs, metadata: { app: 'agencement', ...this.meta } };
  }
}

/**
 * An executor whose every query runs in ONE write transaction that is never committed: start-up
 * rehearses the sync's write path with it (src/sync/sync.warmup.ts), so that the first real sync
 * finds Neo4j's and the API's code for it compiled. `end()` rolls the transaction back: nothing it
 * did is ever stored, not even a change-feed event (its events go to a sequence of its own, rolled
 * back with them: the feed's lock is never taken).
 */
export class RehearsalExecutor extends Executor {
  private readonly session: Session;
  private readonly tx: Transaction;
  private readonly started: Promise<unknown>;

  /** `sequence`: the name of the ChangeSequence, created in this transaction, its events go to (never the feed's). */
  constructor(db: Database, meta: Record<string, string>, private readonly sequence: string) {
    super(db, meta);
    this.session = db.session('WRITE');
    this.tx = this.session.beginTransaction({ timeout: db.options.txTimeoutMs, metadata: { app: 'agencement', ...meta } });
    // Far below the feed's numbers: the Change seq constraint never meets a real event's.
    this.started = this.tx.run(cypher('changes/rehearsal-sequence'), { name: sequence, base: neo4j.int(-(2 ** 52)) });
  }

  private async inTx<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    await this.started;
    return work(new Tx(this.tx, this, () => true, this.sequence));
  }

  override read(name: string, params: Params = {}, variant?: Variant): Promise<Row[]> {
    return this.inTx((tx) => tx.run(name, params, variant));
  }

  override readTx<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.inTx(work);
  }

  override write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.inTx(work);
  }

  /** A rehearsal's queries are not the traffic's: query observers (metrics, round-trip counts) never see them. */
  override timed<T>(_name: string, fn: () => Promise<T>): Promise<T> {
    return fn();
  }

  /** Rolls everything back and closes the session. */
  async end(): Promise<void> {
    await this.started.catch(() => undefined);
    if (this.tx.isOpen()) await this.tx.rollback().catch(() => undefined);
    await this.session.close().catch(() => undefined);
  }
}
