#!/usr/bin/env bash
# Installs the benchmark peers from Debian's packages: the reference Python baseline's modules
# (confluent-kafka, cassandra-driver, pandas) and kcat, the Kafka ceiling tool. Idempotent; needs root
# (or sudo). The modules go to Debian's /usr/bin/python3, which is the interpreter the baseline scripts
# are run with (a pyenv or venv python3 earlier on PATH does not see Debian's dist-packages).
set -euo pipefail
packages=(python3-confluent-kafka python3-cassandra python3-pandas kcat)

have_all() {
  command -v kcat >/dev/null 2>&1 &&
    /usr/bin/python3 -c 'import confluent_kafka, cassandra, pandas' >/dev/null 2>&1
}

if have_all; then
  echo "install-peers: already installed (${packages[*]})"
  exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}"
have_all
echo "install-peers: installed ${packages[*]}"
