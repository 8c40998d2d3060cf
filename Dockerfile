# The pid1 bot's image. scripts/build-bot-image.sh builds it offline as pid1-bot:local, from a
# context it prepares: dist/ (compiled on the host), prompts/, manifest.yml, package*.json and
# node_modules from `npm ci --omit=dev --offline`. A context with development packages in
# node_modules works too, because the first stage prunes them without network.
#
# NODE_IMAGE must provide node (20), npm and tini on PATH and a user `node` (uid 1000), as
# pid1-node-base:20 from the script does. node:20-bookworm-slim lacks tini.
ARG NODE_IMAGE=pid1-node-base:20

FROM ${NODE_IMAGE} AS app
# Lets scripts/build-bot-image.sh find and remove this stage's untagged image after a build.
LABEL pid1.build-stage=app
WORKDIR /app
COPY package.json package-lock.json ./
COPY node_modules ./node_modules
RUN npm prune --omit=dev --offline --no-audit --no-fund --loglevel=error
COPY manifest.yml ./
COPY prompts ./prompts
COPY dist/src ./dist/src
# Fails the build when a production import is missing.
RUN node dist/src/cli/main.js --help >/dev/null

FROM ${NODE_IMAGE}
WORKDIR /app
ENV NODE_ENV=production PORT=3000
COPY --from=app /app ./
# The bot needs the Docker socket, which root:docker owns (mode 660). Run it as `node` and pass
# the socket's group id: docker run --group-add "$(stat -c %g /var/run/docker.sock)" …
USER node
EXPOSE 3000
# /healthz returns 503 while the Docker engine is unreachable, so the container turns unhealthy.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# tini is PID 1: it forwards SIGTERM to Node and reaps orphaned processes.
ENTRYPOINT ["tini", "--"]
CMD ["node", "dist/src/cli/main.js", "serve"]
