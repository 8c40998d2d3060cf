# The Node 20 base of the bot's image, made from files on the build machine so that no registry
# is needed: a Debian 12 minbase root filesystem, the host's Node binary (dynamically linked
# against glibc and libstdc++, which minbase contains), the host's npm and tini-static.
# scripts/build-bot-image.sh prepares the context (node, npm/, tini), then flattens the result
# into one layer tagged pid1-node-base:20, so that the files deleted here take no space.
ARG DEBIAN_IMAGE=pid1-case/debian-min:bookworm
FROM ${DEBIAN_IMAGE}
COPY node /usr/bin/node
COPY npm /usr/lib/node_modules/npm
COPY tini /usr/bin/tini
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/bin/npm \
  && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/bin/npx \
  && groupadd --gid 1000 node \
  && useradd --uid 1000 --gid node --shell /bin/sh --create-home node \
  && node --version && npm --version && tini --version \
  && rm -rf /usr/share/doc/* /usr/share/man/* /usr/share/locale/* /usr/share/info/* \
    /var/lib/apt/lists/* /var/cache/apt/* /var/cache/debconf/*-old /var/log/*
CMD ["node"]
