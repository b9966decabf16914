import { readFileSync } from 'fs';
import * as path from 'path';
import type { NetworkInput, Scores } from '../../../src/analytics/metrics';

/** Values keyed by node id; null stands for NaN (JSON has no NaN). */
export type Expected = Record<string, number | null>;

/** A graph written by bench/networkx_reference.py with NetworkX's values for it. */
export interface Fixture {
  name: string;
  networkx: string;
  directed: boolean;
  nodes: string[];
  edges: NetworkInput['edges'];
  labels?: Record<string, string>;
  metrics: Record<string, unknown>;
  weighted?: Record<string, unknown>;
  sampled_betweenness?: { k: number; seed: number; values: Expected };
  partition?: {
    groups: Record<string, string>;
    modularity: number;
    modularity_resolution_0_5?: number;
    ei_index: number;
    blau: number;
    brokerage: Record<string, Record<string, number>>;
    brokerage_undirected?: Record<string, Record<string, number>>;
  };
}

export function loadFixture(name: 'kite' | 'karate' | 'florentine' | 'directed'): Fixture {
  const file = path.join(__dirname, '..', '..', 'fixtures', 'graphs', `${name}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as Fixture;
}

export function inputOf(fixture: Fixture): NetworkInput {
  return { nodes: fixture.nodes, edges: fixture.edges };
}

/** Asserts every node's score is within `tolerance` of the expected one (NaN where null). */
export function expectScores(actual: Scores, expected: unknown, tolerance = 1e-6): void {
  const table = expected as Expected;
  expect([...actual.keys()].sort()).toEqual(Object.keys(table).sort());
  for (const [node, value] of Object.entries(table)) {
    const score = actual.get(node);
    if (value === null) {
      expect({ node, score }).toEqual({ node, score: NaN });
    } else if (score === undefined || !(Math.abs(score - value) <= tolerance)) {
      throw new Error(`node ${node}: expected ${value} ± ${tolerance}, got ${score}`);
    }
  }
}

export function groupsOf(fixture: Fixture): Map<string, string> {
  return new Map(Object.entries(fixture.partition?.groups ?? {}));
}
