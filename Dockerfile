# syntax=docker/dockerfile:1
# Two stages: compile TypeScript with the full toolchain, then run the compiled JavaScript with
# production dependencies only, as an unprivileged user.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json ./
COPY src ./src
COPY test ./test
RUN npx tsc --noEmit false --outDir dist

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist/src ./dist/src
COPY knowledge ./knowledge
USER node
# HTTP mode listens on PORT (Slack events and /healthz). Socket Mode and Discord need no port.
ENV PORT=3000
EXPOSE 3000
# In Slack HTTP mode this asks /healthz; otherwise a running process counts as healthy.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ["node", "dist/src/healthcheck.js"]
CMD ["node", "dist/src/main.js"]
