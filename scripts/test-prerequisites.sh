#!/usr/bin/env bash
# Installs what the tests need beyond a JDK 17+, when it is missing: Node.js and npm (the interoperability,
# AsyncAPI, consumer-example, subscriber and compose-lint tests), Debian's chromium and chromium-driver (DashboardIT),
# docker-compose (ComposeFileIT) and kcat (SubscriberInteropIT). Run by `./mvnw verify` before any module builds
# (root pom, skipped with -DskipTests).
# A prerequisite that is missing and cannot be installed fails the build here, with one line saying what to
# install: no test is ever skipped for want of it.
set -euo pipefail

missing=()
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
[ -x /usr/bin/docker-compose ] || missing+=(docker-compose)
command -v kcat >/dev/null 2>&1 || missing+=(kcat)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u 2>/dev/null || echo 1)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "test prerequisites: installing ${missing[*]} with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "test prerequisites missing: ${missing[*]} (Debian package names); install them (as root: apt-get install ${missing[*]}), or run ./mvnw verify as root on Debian to have them installed" >&2
exit 1
