# syntax=docker/dockerfile:1
# Two stages: compile src with the build tsconfig (src only: no tests, benchmarks or labelled
# sets), then run the compiled JavaScript with production dependencies only, as the unprivileged
# `node` user. The base is the current active Node.js LTS line.
# scripts/check-docker-build.mjs replays these steps without a Docker engine (see the README).
ARG NODE_IMAGE=node:26-slim
# The build stage: the same Node.js and Debian as NODE_IMAGE, plus a compiler, for
# better-sqlite3's native module (the SQLite store) when no prebuilt binary fits.
ARG NODE_BUILD_IMAGE=node:26

FROM ${NODE_BUILD_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# No install scripts but better-sqlite3's: without its native module the bot records nothing.
RUN npm ci --ignore-scripts --no-audit --no-fund && npm rebuild better-sqlite3
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npx tsc -p tsconfig.build.json && npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY knowledge ./knowledge
# The one folder written at run time: the SQLite store (DATA_DIR, ./data). Mount a volume on
# /app/data to keep it when the container is replaced.
RUN mkdir data && chown node:node data
USER node
# /healthz, /readyz and /metrics in every mode, and Slack's events in HTTP mode.
ENV PORT=3000
EXPOSE 3000
# Healthy when the process answers and is ready: knowledge loaded, every configured platform connected.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["node", "dist/healthcheck.js"]
# node itself is the main process (no npm or shell between): SIGTERM stops it cleanly, SIGHUP
# reloads the knowledge. A 32 MB young generation (V8's default is 16 MB) halves how often a
# minor garbage collection pauses a question (about one in 130 at the default, enough to set the
# 99th-percentile latency); see README, "Speed".
CMD ["node", "--max-semi-space-size=32", "dist/main.js"]
