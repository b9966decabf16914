/**
 * Runs a bench server process: `start` serves and returns what closes it; SIGTERM or SIGINT calls
 * that and exits 0 (which also lets --cpu-prof write its profile); a start-up failure exits 1.
 */
export function serve(start: () => Promise<() => Promise<unknown>>): void {
  start().then(
    (close) => {
      const stop = () => void close().catch(() => undefined).finally(() => process.exit(0));
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
