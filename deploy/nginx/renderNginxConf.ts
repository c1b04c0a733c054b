/**
 * The console's nginx config, rendered for where it runs. One template, two uses that differ only in
 * paths, the listen address and how the upstream is named:
 * - the image (`CONTAINER_PARAMS`): its output is committed as deploy/nginx/nginx.conf and a test keeps
 *   the two equal, so the file an operator reads is the file the image runs;
 * - `npm run serve:prod` (scripts/serve-prod.ts): the machine's nginx with a temp dir for everything it writes.
 * Security headers come from deploy/securityHeaders.ts, the same object `vite preview` sends.
 */
import { SECURITY_HEADERS } from '../securityHeaders.ts'

export interface NginxParams {
  /** Where nginx may write: pid file and temp paths. In the image an emptyDir (root FS read-only). */
  runDir: string
  /** `listen` argument: a port, or `address:port`. */
  listen: string
  /** The static build (`dist/`). */
  root: string
  /**
   * The catalyst-api server(s): a literal `host:port`, or a file holding the `server …;` line (the image
   * writes it at start from `CATALYST_API_URL`, see deploy/entrypoint.sh).
   */
  upstream: { server: string } | { include: string }
  mimeTypes: string
  /** Path of ngx_http_brotli_static_module.so; without it `.br` files are not served (gzip still is). */
  brotliModule: string | undefined
  accessLog: string
  errorLog: string
  /** Only when the master runs as root (serve:prod under CI): the user workers run as. */
  user?: string | undefined
}

/** Where the image keeps things (deploy/Containerfile and deploy/k8s/deployment.yaml agree with these). */
export const CONTAINER_PARAMS: NginxParams = {
  runDir: '/tmp/nginx',
  listen: '8080',
  root: '/usr/share/catalyst-console',
  upstream: { include: '/tmp/nginx/upstream.conf' },
  mimeTypes: '/etc/nginx/mime.types',
  brotliModule: '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so',
  accessLog: '/dev/stdout',
  errorLog: 'stderr',
}

/** Largest request body passed to the API: its biggest legitimate body (a deployment spec) is kilobytes. */
export const MAX_BODY = '1m'
/** SSE streams stay open for as long as a page is; idle ones are closed (and reopened) after this. */
export const STREAM_READ_TIMEOUT = '1h'

function headerLine(indent: string, name: string, value: string, always: boolean): string {
  // Inside nginx's double quotes only these are special ($ would start a variable).
  if (/["\\\n$]/.test(value)) throw new Error(`header ${name}: nginx would misread its value`)
  return `${indent}add_header ${name} "${value}"${always ? ' always' : ''};`
}

/** The security headers, on every response including errors (`always`). */
function securityHeaderLines(indent: string): string {
  return Object.entries(SECURITY_HEADERS)
    .map(([name, value]) => headerLine(indent, name, value, true))
    .join('\n')
}

export function renderNginxConf(p: NginxParams): string {
  const upstream = 'server' in p.upstream ? `server ${p.upstream.server};` : `include ${p.upstream.include};`
  const brotli = p.brotliModule !== undefined
  return `# Catalyst Console: the static build and a reverse proxy to catalyst-api, on one origin (console.<fqdn>).
# Rendered by deploy/nginx/renderNginxConf.ts — edit that, not this file (a unit test keeps them equal).
${brotli ? `load_module ${p.brotliModule};\n` : ''}${p.user ? `user ${p.user};\n` : ''}
worker_processes 2;
# A graceful stop (SIGQUIT, the image's STOPSIGNAL) would otherwise wait for every open SSE stream; the
# console reconnects them to another replica.
worker_shutdown_timeout 10s;
pid ${p.runDir}/nginx.pid;
error_log ${p.errorLog} warn;

events {
  # Every open SSE stream holds two connections (browser and upstream).
  worker_connections 4096;
}

http {
  include ${p.mimeTypes};
  default_type application/octet-stream;
  charset utf-8;
  server_tokens off;
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 65s;
  access_log ${p.accessLog};

  # Read-only root FS: everything nginx writes lives in the run dir.
  client_body_temp_path ${p.runDir}/client_body;
  proxy_temp_path ${p.runDir}/proxy;
  fastcgi_temp_path ${p.runDir}/fastcgi;
  uwsgi_temp_path ${p.runDir}/uwsgi;
  scgi_temp_path ${p.runDir}/scgi;

  # Compression is done once, by the build (.br and .gz beside each file). Nothing is compressed on the
  # fly: it would cost CPU per request and would hold back SSE frames.
  gzip off;
  gzip_static on;
  gzip_vary on;
${brotli ? '  brotli_static on;\n' : ''}
  # /sovereign/api/… → /api/… keeping the rest of the URI exactly as the browser sent it (percent-encoding
  # intact, e.g. install-nbg1-1%3Acilium), which a prefix-replacing proxy_pass would decode.
  map $request_uri $catalyst_api_unprefixed_uri {
    "~^/sovereign(?<rest>/api/.*)$" $rest;
    default "";
  }
  # Behind the ingress (which terminates TLS) its X-Forwarded-Proto/Host are the truth; else our own.
  map $http_x_forwarded_proto $catalyst_forwarded_proto {
    "" $scheme;
    default $http_x_forwarded_proto;
  }
  map $http_x_forwarded_host $catalyst_forwarded_host {
    "" $http_host;
    default $http_x_forwarded_host;
  }

  # Cache-Control by path. Hashed build output never changes under its name: a year, immutable.
  # index.html (also every client route's fallback) names the current release's assets, and the files at
  # the root (theme-init.js, favicon.svg) keep their names across releases: never used from a cache
  # without asking first (ETag). The API's answers carry their own ("" adds nothing).
  map $uri $catalyst_cache_control {
    "~^/assets/" "public, max-age=31536000, immutable";
    "~^/(sovereign/)?api/" "";
    /auth/handover "";
    /healthz "";
    default "no-cache";
  }

  upstream catalyst_api {
    ${upstream}
    keepalive 32;
  }

  server {
    listen ${p.listen};
    server_name _;
    root ${p.root};
    # Redirects stay relative: the ingress in front may change scheme and port.
    absolute_redirect off;

    # No location adds headers of its own: an add_header there would drop every one inherited from here.
${securityHeaderLines('    ')}
    # Not \`always\`: only on 200/304 — a 404 must never be cached for a year.
    add_header Cache-Control $catalyst_cache_control;

    client_max_body_size ${MAX_BODY};

    # To catalyst-api: the browser's Host (the API tells the consoles apart by it and scopes the session
    # cookie to it), X-Forwarded-*, keep-alive upstream, and no buffering so SSE frames go out as written.
    proxy_http_version 1.1;
    proxy_set_header Host $http_host;
    proxy_set_header Connection "";
    proxy_set_header X-Real-IP $remote_addr;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto $catalyst_forwarded_proto;
    proxy_set_header X-Forwarded-Host $catalyst_forwarded_host;
    proxy_buffering off;
    proxy_cache off;
    proxy_read_timeout ${STREAM_READ_TIMEOUT};
    proxy_send_timeout 60s;
    proxy_connect_timeout 5s;
    proxy_redirect off;
    # The API's own Date: the console measures clock skew against the clock its timestamps come from.
    proxy_pass_header Date;

    # Probes: answered by nginx itself, whatever the state of catalyst-api.
    location = /healthz {
      access_log off;
      default_type text/plain;
      return 200 "ok\\n";
    }

    # ^~: no regex location may take an API path (a job named "x.map" is still the API's).
    location ^~ /api/ {
      proxy_pass http://catalyst_api;
      error_page 502 @catalyst_api_unreachable;
      error_page 504 @catalyst_api_timeout;
    }

    location ^~ /sovereign/api/ {
      # Reached through a URI whose raw form is not /sovereign/api/… (e.g. %-encoded letters): refuse.
      if ($catalyst_api_unprefixed_uri = "") {
        return 400;
      }
      proxy_pass http://catalyst_api$catalyst_api_unprefixed_uri;
      error_page 502 @catalyst_api_unreachable;
      error_page 504 @catalyst_api_timeout;
    }

    # The handover landing is the API's, at the root (no /api).
    location = /auth/handover {
      proxy_pass http://catalyst_api;
      error_page 502 @catalyst_api_unreachable;
      error_page 504 @catalyst_api_timeout;
    }

    # Plain-text gateway errors: the console reads a non-JSON 502/504 as "API unreachable" and says so.
    location @catalyst_api_unreachable {
      default_type text/plain;
      return 502 "catalyst-api is unreachable from the console's proxy\\n";
    }
    location @catalyst_api_timeout {
      default_type text/plain;
      return 504 "catalyst-api did not answer the console's proxy in time\\n";
    }

    # A missing build file is a real 404, never the SPA page (a stale chunk must fail loudly, not be
    # parsed as HTML).
    location /assets/ {
      try_files $uri =404;
      # Source maps are moved out of dist/ by the build; should one ever be copied in, it is not served.
      location ~ \\.map$ {
        return 404;
      }
    }

    # Client routes (deep links, reloads) fall back to index.html.
    location / {
      try_files $uri /index.html;
    }
  }
}
`
}
