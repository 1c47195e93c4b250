# One image for the API, the workers and the migrator (different commands in docker-compose.yml).
# TypeScript runs through tsx, so what runs is exactly what was reviewed and tested.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npx vite build --config web/vite.config.ts && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app /app
# The backup service's volume: a named volume takes this folder's owner, so node may write there.
RUN mkdir -p /backups && chown node:node /backups
USER node
EXPOSE 3000
# --max-old-space-size: see API_NODE_ARGS in scripts/local/services.ts (RSS under a surge).
CMD ["node", "--max-old-space-size=192", "--import", "tsx", "src/server.ts"]
