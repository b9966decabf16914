import pino from 'pino';
import type { Config } from './config';

export type Logger = pino.Logger;

/** JSON logs (pino). Personal data never reaches a log line: the `email`/`phone` keys are redacted. */
export function createLogger(config: Pick<Config, 'LOG_LEVEL'>): Logger {
  return pino(
    {
      level: config.LOG_LEVEL,
      base: { app: 'agencement' },
      redact: { paths: ['*.email', '*.phone', 'email', 'phone', 'req.headers.authorization'], censor: '[redacted]' },
    },
    // Synchronous writes: the last lines before an exit (shutdown, crash) are never lost.
    pino.destination({ dest: 1, sync: true }),
  );
}
