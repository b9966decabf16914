/**
 * Network metrics of the analysed graph of a scope, as pure functions of a {@link NetworkInput}.
 * Definitions follow NetworkX (and R sna for brokerage); see DOMAIN.md, section "Analytics".
 * NaN means "undefined for this graph" (e.g. an isolate's constraint): expose it as null.
 */
export { buildCsr, csrToGraphology, toGraphology, toScores, WeightError } from './graph';
export type { Csr, MetricOptions, NetworkInput, Scores } from './graph';
export { closenessCentrality, degreeCentrality, degreeCentralization } from './centrality';
export { eigenvectorCentrality, NotConvergedError, pagerank } from './spectral';
export type { PowerIterationOptions } from './spectral';
export { betweennessCentrality } from './betweenness';
export type { BetweennessOptions } from './betweenness';
export { betweennessCentralityParallel } from './betweenness-parallel';
export type { ParallelBetweennessOptions } from './betweenness-parallel';
export { constraint, effectiveSize } from './structural-holes';
export { brokerage } from './brokerage';
export type { BrokerageRoles } from './brokerage';
export { blau, eiIndex } from './groups';
export { louvain, modularity } from './communities';
export type { LouvainOptions } from './communities';
export { connectedComponents, density } from './cohesion';
