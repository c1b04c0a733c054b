#!/bin/sh
# Container start: writes the catalyst-api upstream named by $CATALYST_API_URL into the run dir (the root
# FS is read-only; /tmp is an emptyDir), then replaces itself with nginx in the foreground.
# Same rule as upstreamServer() in deploy/nginx/startLocalNginx.ts: http://host[:port] only — TLS ends at
# the ingress in front of the console, catalyst-api is reached in-cluster.
set -eu

RUN_DIR="${CONSOLE_RUN_DIR:-/tmp/nginx}"
NGINX="${NGINX_BIN:-nginx}"
url="${CATALYST_API_URL:-}"

if [ -z "$url" ]; then
  echo "CATALYST_API_URL is not set: the catalyst-api base URL, e.g. http://catalyst-api.catalyst.svc.cluster.local:8080" >&2
  exit 64
fi
hostport=$(printf '%s\n' "$url" | sed -n -E 's#^http://([A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])(:([0-9]{1,5}))?/?$#\1 \4#p')
if [ -z "$hostport" ]; then
  echo "CATALYST_API_URL must be http://host[:port] (no path, no credentials): $url" >&2
  exit 64
fi
host=${hostport% *}
port=${hostport#* }
[ -n "$port" ] || port=80

mkdir -p "$RUN_DIR"
printf 'server %s:%s;\n' "$host" "$port" > "$RUN_DIR/upstream.conf"
exec "$NGINX" -e stderr -g 'daemon off;' "$@"
