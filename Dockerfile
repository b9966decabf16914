# syntax=docker/dockerfile:1
# The Agencement API, built and run with plain node (no ts-node, no dev dependencies at run time).
#   docker build -t agencement-api .
#   docker run -e NEO4J_URI=bolt://neo4j:7687 -e NEO4J_PASSWORD=... -p 4000:4000 agencement-api
# The image does not contain Neo4j or Java: NEO4J_URI must name a running Neo4j 5.24+ (5.26 LTS tested).

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: every dependency, then dist/ (tsc) and public/explorer (esbuild) ----
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: postinstall would build the explorer before its sources are copied; it runs below.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY explorer ./explorer
COPY src ./src
RUN npm run build && npm run build:explorer

# ---- runtime: production dependencies, the compiled code and the files it reads ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=4000 \
    HOST=0.0.0.0
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: the explorer comes built from the build stage (postinstall would need its sources).
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY --from=build /app/public ./public
# Read at run time: every Cypher query and migration (src/db/cypher.ts), the emitted schema.
COPY cypher ./cypher
COPY schema ./schema
# The node image's unprivileged `node` user, numeric so that Kubernetes' runAsNonRoot can check it;
# the app writes nothing to its own folder (files stay root-owned, read-only to it).
USER 1000:1000
EXPOSE 4000
# /readyz is 200 only when Neo4j answers (503 while draining at shutdown); slim images have no curl.
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node as PID 1 receives SIGTERM directly: main.ts drains (SHUTDOWN_DELAY_MS) and exits 0.
CMD ["node", "dist/main.js"]
