/**
 * A real Neo4j 5.26 Community on this machine, without Docker: the jars come from Maven Central
 * (through `mvn`, once, into `<repo>/.cache/neo4j-5.26.30/lib`) and `neo4j/Launcher.java` runs
 * them as an embedded DBMS with Bolt on 127.0.0.1 and auth disabled. See design/NEO4J.md.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export const NEO4J_VERSION = '5.26.30';
const HOST = '127.0.0.1';
const COMPLETE_MARKER = '.complete';
const KEEP_LINES = 50;
const DEFAULT_READY_TIMEOUT_MS = 120_000;
const DEFAULT_STOP_TIMEOUT_MS = 30_000;
const PROGRESS_EVERY_MS = 15_000;

/** Neo4j 5 on Java 17 needs these (without them: "module java.base does not open java.nio"). */
export const NEO4J_JVM_FLAGS: readonly string[] = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--add-opens=java.base/java.util=ALL-UNNAMED',
  '--add-opens=java.base/java.util.concurrent=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
];

export type LocalNeo4jErrorCode =
  | 'JAVA_MISSING'
  | 'MAVEN_MISSING'
  | 'FETCH_FAILED'
  | 'PORT_IN_USE'
  | 'STORE_LOCKED'
  | 'START_TIMEOUT'
  | 'START_FAILED';

export class LocalNeo4jError extends Error {
  constructor(
    readonly code: LocalNeo4jErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LocalNeo4jError';
  }
}

export interface LocalNeo4jOptions {
  port: number;
  /** Neo4j home: the store goes in `<dataDir>/data`, Neo4j's own logs in `<dataDir>/logs`. */
  dataDir: string;
  /** JVM heap ceiling (-Xmx), default 512. */
  heapMb?: number;
  /** Folder of Neo4j jars, default `<repo>/.cache/neo4j-5.26.30/lib` (fetched when missing). */
  jarsDir?: string;
  /** Receives every line the JVM prints, and the jar-fetch progress. Default: nothing. */
  log?: (line: string) => void;
  /**
   * Stop the JVM when this Node process goes away: on normal exit, on SIGINT/SIGTERM/SIGHUP when no
   * other handler owns that signal (otherwise the owner is expected to call stop()), and, through
   * the JVM watching its stdin, even when Node is killed outright. The JVM then also gets its own
   * process group, so a terminal's Ctrl-C reaches Node only and Node decides the order. Default false.
   */
  stopOnExit?: boolean;
  /** How long to wait for NEO4J_READY, default 120 s. */
  readyTimeoutMs?: number;
  /** How long stop() waits after SIGTERM before SIGKILL, default 30 s. */
  stopTimeoutMs?: number;
}

export interface LocalNeo4j {
  uri: string;
  pid: number;
  port: number;
  dataDir: string;
  /** Milliseconds from spawning the JVM to its NEO4J_READY line. */
  startupMs: number;
  /** Settles when the JVM has exited, however that happened. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, wait for the exit (stopTimeoutMs), then SIGKILL. Safe to call more than once. */
  stop(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Paths

let cachedRepoRoot: string | undefined;

/** The folder holding package.json, found upwards from this file (works from src/ and dist/). */
export function repoRoot(): string {
  if (cachedRepoRoot) return cachedRepoRoot;
  let dir = __dirname;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'neo4j', 'pom.xml'))) {
      return (cachedRepoRoot = dir);
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the repository root (package.json + neo4j/pom.xml) above ${__dirname}`);
    dir = parent;
  }
}

export function defaultJarsDir(): string {
  return join(repoRoot(), '.cache', `neo4j-${NEO4J_VERSION}`, 'lib');
}

const launcherPath = (): string => join(repoRoot(), 'neo4j', 'Launcher.java');

// ---------------------------------------------------------------------------------------------
// Tools and jars

const stderrLog = (line: string): void => void process.stderr.write(`${line}\n`);

let javaChecked = false;

/** Throws a LocalNeo4jError naming what to install when `java` is missing or older than 17. */
export function checkJava(): void {
  if (javaChecked) return;
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const help =
    'Install a JDK or JRE 17 or 21 (Debian/Ubuntu: `sudo apt-get install openjdk-17-jre-headless`, ' +
    'macOS: `brew install openjdk@17`) and put `java` on PATH, or use a Neo4j of your own by setting NEO4J_URI.';
  if (r.error || r.status !== 0) {
    const why = r.error ? `\`java\` was not found on PATH (${(r.error as NodeJS.ErrnoException).code ?? r.error.message})` : `\`java -version\` failed: ${(r.stderr || '').trim()}`;
    throw new LocalNeo4jError('JAVA_MISSING', `Java 17+ is required to run the local Neo4j ${NEO4J_VERSION}, but ${why}. ${help}`);
  }
  const m = /version "(\d+)(?:\.(\d+))?/.exec(`${r.stderr}${r.stdout}`);
  if (m) {
    const major = m[1] === '1' ? Number(m[2]) : Number(m[1]);
    if (major < 17) {
      throw new LocalNeo4jError('JAVA_MISSING', `Java 17+ is required to run the local Neo4j ${NEO4J_VERSION}, but \`java\` on PATH is Java ${major}. ${help}`);
    }
  }
  javaChecked = true;
}

function checkMaven(jarsDir: string): void {
  const r = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new LocalNeo4jError(
      'MAVEN_MISSING',
      `Apache Maven (\`mvn\`) is required once, to fetch the Neo4j ${NEO4J_VERSION} jars from Maven Central into ${jarsDir}, ` +
        'but it was not found on PATH. Install it (Debian/Ubuntu: `sudo apt-get install maven`, macOS: `brew install maven`) ' +
        'and run `npm run neo4j -- fetch`, or set NEO4J_URI to a Neo4j of your own.',
    );
  }
}

function isComplete(jarsDir: string): boolean {
  return existsSync(join(jarsDir, COMPLETE_MARKER));
}

/** True when the jars are already fetched, i.e. starting will not first spend minutes in Maven. */
export function neo4jJarsReady(jarsDir: string = defaultJarsDir()): boolean {
  return isComplete(resolve(jarsDir));
}

async function countJars(dir: string): Promise<number> {
  try {
    const entries = await readdir(dir, { recursive: true });
    return entries.filter((e) => e.endsWith('.jar')).length;
  } catch {
    return 0;
  }
}

/**
 * Makes sure the Neo4j jars are in `jarsDir` (default `<repo>/.cache/neo4j-5.26.30/lib`) and returns
 * that folder. The first time, `mvn dependency:copy-dependencies` fetches them (~120 MB, minutes on
 * an empty ~/.m2) into a temporary folder that is renamed into place once complete.
 */
export async function ensureNeo4jJars(opts: { jarsDir?: string; log?: (l: string) => void } = {}): Promise<string> {
  const jarsDir = resolve(opts.jarsDir ?? defaultJarsDir());
  const log = opts.log ?? stderrLog;
  checkJava();
  if (isComplete(jarsDir)) return jarsDir;

  checkMaven(jarsDir);
  const parent = dirname(jarsDir);
  mkdirSync(parent, { recursive: true });
  const tmp = await mkdtemp(join(parent, '.lib-fetch-'));
  // Where Maven puts what it downloads (only used for the progress line).
  const m2 = /-Dmaven\.repo\.local=(\S+)/.exec(process.env.MAVEN_OPTS ?? '')?.[1] ?? join(homedir(), '.m2', 'repository');
  const m2Before = await countJars(m2);
  const t0 = Date.now();
  log(`Fetching Neo4j ${NEO4J_VERSION.replace(/\.\d+$/, '')} jars from Maven Central (first run only, ~120 MB, can take several minutes)...`);
  const progress = setInterval(() => {
    void Promise.all([countJars(m2), countJars(tmp)]).then(([inM2, copied]) => {
      const secs = Math.round((Date.now() - t0) / 1000);
      const what = copied > 0 ? `${copied} jars copied into place` : `${Math.max(0, inM2 - m2Before)} new jars in ~/.m2 so far (about 213 needed)`;
      log(`... still fetching Neo4j jars: ${secs} s elapsed, ${what}`);
    });
  }, PROGRESS_EVERY_MS);

  const tail: string[] = [];
  try {
    const code = await new Promise<number | null>((resolveExit, reject) => {
      const mvn = spawn('mvn', ['-q', '-B', '-f', join(repoRoot(), 'neo4j', 'pom.xml'), 'dependency:copy-dependencies', `-DoutputDirectory=${tmp}`], {
        cwd: repoRoot(),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      for (const stream of [mvn.stdout, mvn.stderr]) {
        createInterface({ input: stream }).on('line', (line) => {
          tail.push(line);
          if (tail.length > KEEP_LINES) tail.shift();
        });
      }
      mvn.on('error', reject);
      mvn.on('close', (c) => resolveExit(c));
    });
    const jars = readdirSync(tmp).filter((f) => f.endsWith('.jar'));
    if (code !== 0 || !jars.includes(`neo4j-${NEO4J_VERSION}.jar`)) {
      throw new LocalNeo4jError(
        'FETCH_FAILED',
        `Fetching the Neo4j ${NEO4J_VERSION} jars with Maven failed (exit code ${code}, ${jars.length} jars copied). ` +
          'Check network access to https://repo.maven.apache.org (proxy settings go in ~/.m2/settings.xml), then run `npm run neo4j -- fetch` again.' +
          (tail.length ? `\nLast Maven output:\n${tail.slice(-20).join('\n')}` : ''),
      );
    }
    await writeFile(join(tmp, COMPLETE_MARKER), `${JSON.stringify({ version: NEO4J_VERSION, jars: jars.length, fetchedAt: new Date().toISOString() })}\n`);
    if (existsSync(jarsDir) && !isComplete(jarsDir)) await rm(jarsDir, { recursive: true, force: true }); // an interrupted earlier attempt
    try {
      await rename(tmp, jarsDir);
    } catch (err) {
      if (!isComplete(jarsDir)) throw err; // otherwise another process finished first: use its copy
    }
    log(`Neo4j jars ready in ${jarsDir} (${jars.length} jars, ${Math.round((Date.now() - t0) / 1000)} s)`);
    return jarsDir;
  } finally {
    clearInterval(progress);
    await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// Ports

const portInUseMessage = (port: number): string =>
  `Port ${port} on ${HOST} is already in use, so the local Neo4j cannot listen there ` +
  `(another Neo4j still running, or another program). Find it with \`ss -ltnp 'sport = :${port}'\` (or \`lsof -i :${port}\`) and stop it, ` +
  'or choose another port (NEO4J_BOLT_PORT for `npm run neo4j` / `npm start`, NEO4J_TEST_BOLT_PORT for the tests).';

/** Resolves when `port` can be bound on 127.0.0.1, rejects with a PORT_IN_USE error otherwise. */
export function assertPortFree(port: number): Promise<void> {
  return new Promise((resolveFree, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') reject(new LocalNeo4jError('PORT_IN_USE', portInUseMessage(port)));
      else reject(new LocalNeo4jError('START_FAILED', `Cannot listen on ${HOST}:${port}: ${err.message}`));
    });
    probe.listen({ port, host: HOST, exclusive: true }, () => probe.close(() => resolveFree()));
  });
}

// ---------------------------------------------------------------------------------------------
// Process

/** Sends `signal` (default SIGKILL: this is for crash tests) to a local Neo4j JVM; no-op if it is gone. */
export function killLocalNeo4j(pid: number, signal: NodeJS.Signals = 'SIGKILL'): void {
  try {
    process.kill(pid, signal);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}

function classify(errorText: string): LocalNeo4jErrorCode {
  if (/already in use/i.test(errorText)) return 'PORT_IN_USE';
  if (/store_lock/.test(errorText)) return 'STORE_LOCKED';
  return 'START_FAILED';
}

// Handles started with stopOnExit, and the process hooks that stop them (installed once).
const stopOnExitHandles = new Set<{ child: ChildProcess; stop: () => Promise<void> }>();
let hooksInstalled = false;
const EXIT_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', () => {
    // Synchronous only: the JVM finishes its clean shutdown on its own after we are gone.
    for (const h of stopOnExitHandles) if (h.child.exitCode === null && h.child.signalCode === null) h.child.kill('SIGTERM');
  });
  for (const signal of EXIT_SIGNALS) {
    const onSignal = (): void => {
      // Another handler owns this signal (e.g. a server draining requests): it calls stop() itself,
      // and the 'exit' hook above is the safety net.
      if (process.listenerCount(signal) > 1) return;
      void Promise.allSettled([...stopOnExitHandles].map((h) => h.stop())).then(() => {
        process.removeListener(signal, onSignal);
        process.kill(process.pid, signal); // default behaviour: terminate by this signal
      });
    };
    process.on(signal, onSignal);
  }
}

/**
 * Starts Neo4j 5.26 on 127.0.0.1:<port> with its store in `dataDir` and resolves once it accepts
 * Bolt connections (auth disabled: any user/password is accepted).
 */
export async function startLocalNeo4j(opts: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const { port } = opts;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new LocalNeo4jError('START_FAILED', `invalid Bolt port ${port}`);
  const heapMb = opts.heapMb ?? 512;
  const userLog = opts.log;
  const jarsDir = await ensureNeo4jJars({ jarsDir: opts.jarsDir, log: userLog });
  await assertPortFree(port);
  const dataDir = resolve(opts.dataDir);
  mkdirSync(dataDir, { recursive: true });

  const stopOnExit = opts.stopOnExit ?? false;
  const args = [
    ...NEO4J_JVM_FLAGS,
    `-Xms${Math.min(256, heapMb)}m`,
    `-Xmx${heapMb}m`,
    '-XX:+ExitOnOutOfMemoryError',
    ...(stopOnExit ? ['-Dagencement.exitOnStdinEof=true'] : []),
    '-cp',
    join(jarsDir, '*'),
    launcherPath(),
    dataDir,
    String(port),
  ];
  const t0 = Date.now();
  const child = spawn('java', args, {
    cwd: repoRoot(),
    stdio: [stopOnExit ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    detached: stopOnExit,
  });

  const lastLines: string[] = [];
  let errorText: string | undefined;
  let onReady: ((uri: string) => void) | undefined;
  const remember = (line: string): void => {
    lastLines.push(line);
    if (lastLines.length > KEEP_LINES) lastLines.shift();
    userLog?.(line);
  };
  // Keep reading for the whole life of the JVM, or a full pipe would block it.
  createInterface({ input: child.stdout! }).on('line', (line) => {
    remember(line);
    if (line.startsWith('NEO4J_READY ')) onReady?.(line.slice('NEO4J_READY '.length).trim());
  });
  createInterface({ input: child.stderr! }).on('line', (line) => {
    remember(line);
    if (line.startsWith('NEO4J_ERROR ')) errorText = line.slice('NEO4J_ERROR '.length).trim();
  });

  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) => {
    child.once('close', (code, signal) => resolveExit({ code, signal }));
  });
  let spawnError: Error | undefined;
  child.once('error', (err) => {
    spawnError = err; // 'close' follows
  });
  const alive = (): boolean => child.exitCode === null && child.signalCode === null && !spawnError;

  const stopTimeoutMs = opts.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS;
  let stopping: Promise<void> | undefined;
  const entry = { child, stop: (): Promise<void> => stop() };
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (alive()) {
        child.kill('SIGTERM');
        let timer: NodeJS.Timeout | undefined;
        const timedOut = await Promise.race([
          exited.then(() => false),
          new Promise<boolean>((r) => (timer = setTimeout(() => r(true), stopTimeoutMs))),
        ]);
        clearTimeout(timer);
        if (timedOut && alive()) {
          userLog?.(`Neo4j (pid ${child.pid}) did not stop within ${stopTimeoutMs / 1000} s of SIGTERM: sending SIGKILL`);
          child.kill('SIGKILL');
        }
      }
      await exited;
      stopOnExitHandles.delete(entry);
    })();
    return stopping;
  };
  if (stopOnExit) {
    stopOnExitHandles.add(entry);
    installExitHooks();
  }

  const readyTimeoutMs = opts.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS;
  const output = (): string => (lastLines.length ? `\nLast Neo4j output:\n${lastLines.slice(-20).join('\n')}` : '');
  try {
    const uri = await new Promise<string>((resolveReady, reject) => {
      const timer = setTimeout(() => {
        reject(new LocalNeo4jError('START_TIMEOUT', `Neo4j did not report ready within ${readyTimeoutMs / 1000} s (pid ${child.pid}, data ${dataDir}; see ${join(dataDir, 'logs', 'debug.log')}).${output()}`));
      }, readyTimeoutMs);
      onReady = (u) => {
        clearTimeout(timer);
        resolveReady(u);
      };
      void exited.then(({ code, signal }) => {
        clearTimeout(timer);
        if (spawnError) {
          reject(new LocalNeo4jError('JAVA_MISSING', `Cannot run \`java\`: ${spawnError.message}. Java 17+ is required to run the local Neo4j.`));
        } else if (errorText) {
          const code2 = classify(errorText);
          const text = code2 === 'PORT_IN_USE' ? portInUseMessage(port) : `Neo4j failed to start: ${errorText}`;
          reject(new LocalNeo4jError(code2, text));
        } else {
          reject(new LocalNeo4jError('START_FAILED', `Neo4j exited before it was ready (${signal ? `signal ${signal}` : `exit code ${code}`}).${output()}`));
        }
      });
    });
    const startupMs = Date.now() - t0;
    void exited.then(({ code, signal }) => {
      if (!stopping) userLog?.(`Neo4j (pid ${child.pid}) exited unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`})`);
    });
    return { uri, pid: child.pid!, port, dataDir, startupMs, exited, stop };
  } catch (err) {
    // Only a start that timed out is still running; it is not worth a graceful stop.
    if (alive()) child.kill('SIGKILL');
    await exited;
    stopOnExitHandles.delete(entry);
    throw err;
  }
}
