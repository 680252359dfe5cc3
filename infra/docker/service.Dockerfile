# syntax=docker/dockerfile:1.7
#
# One image per service, built from the repository root:
#   docker build -f infra/docker/service.Dockerfile --build-arg SERVICE=cotizador --build-arg PORT=8081 \
#     --build-arg ENTRIES="main.ts outbox-relay-thread.ts" -t arka/cotizador .
# (the cotizador's outbox relay thread, used on SQLite or the embedded broker, is found beside dist/main.js).
#   docker build -f infra/docker/service.Dockerfile --build-arg SERVICE=gestor-solicitudes --build-arg PORT=8082 \
#     --build-arg ENTRIES="main.ts dispatcher-main.ts" -t arka/gestor-solicitudes .
# The solicitudes dispatcher runs the gestor-solicitudes image with `node dist/dispatcher-main.js`.
# BuildKit reads service.Dockerfile.dockerignore beside this file.

ARG NODE_IMAGE=node:20-slim

# 1. Install the workspace (dev tools included) and bundle each entry with esbuild.
FROM ${NODE_IMAGE} AS build
ARG SERVICE
ARG ENTRIES="main.ts"
WORKDIR /src
# better-sqlite3 and argon2 compile from source when no prebuilt binary matches.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY . .
RUN test -n "${SERVICE}" || (echo "--build-arg SERVICE=<gateway|cotizador|gestor-solicitudes> is required" && exit 1)
RUN npm ci --no-audit --no-fund --workspace "services/${SERVICE}" --include-workspace-root
# Native modules stay outside the bundle and come from the production node_modules below.
RUN mkdir -p /out/dist /out/data \
  && npx esbuild $(for entry in ${ENTRIES}; do printf 'services/%s/src/%s ' "${SERVICE}" "${entry}"; done) \
    --bundle --platform=node --target=node20 --format=esm --sourcemap \
    --outdir=/out/dist \
    --external:better-sqlite3 --external:argon2 \
    --external:kerberos --external:snappy --external:@mongodb-js/zstd --external:mongodb-client-encryption \
    --external:gcp-metadata --external:socks --external:aws4 --external:pg-native \
    --banner:js="import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" \
  && echo '{"type":"module"}' > /out/package.json \
  && if [ -d "services/${SERVICE}/data" ]; then cp -r "services/${SERVICE}/data/." /out/data/; fi

# 2. Production dependencies only (for the native modules kept external).
FROM build AS production-deps
ARG SERVICE
RUN rm -rf node_modules \
  && npm ci --no-audit --no-fund --omit=dev --workspace "services/${SERVICE}" \
  && rm -rf node_modules/@arka

# 3. The runtime: slim Node, no compilers, no npm cache, non-root, read-only application files.
FROM ${NODE_IMAGE} AS runtime
ARG PORT=8080
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=${PORT} \
    NODE_OPTIONS=--enable-source-maps
WORKDIR /app
# DocumentDB requires TLS with the Amazon RDS CA bundle (MONGODB_TLS_CA_FILE). Fetched when the image is
# built for a deploy; an offline build passes --build-arg RDS_CA_BUNDLE_URL pointing at a local mirror.
ARG RDS_CA_BUNDLE_URL=https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem
ADD --chmod=644 ${RDS_CA_BUNDLE_URL} /etc/ssl/certs/rds-global-bundle.pem
COPY --from=production-deps /src/node_modules ./node_modules
COPY --from=build /out/ ./
USER node
EXPOSE ${PORT}
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/actuator/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/main.js"]
