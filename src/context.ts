import type { Config } from './config';
import type { Executor } from './db/database';
import type { Principal } from './auth/roles';
import type { Loaders } from './loaders.types';

/** Everything a resolver gets for one request; built fresh per request by `createContext`. */
export interface Context {
  requestId: string;
  principal: Principal;
  db: Executor;
  loaders: Loaders;
  config: Config;
}
