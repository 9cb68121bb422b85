# rollcall: the daemon (feeds, seed folders, projections) with /healthz, /metrics, API and web page.
#   docker build -t rollcall .
#   docker run -p 8080:8080 -v rollcall-data:/data rollcall
# Settings: env (ROLLCALL_DB, ROLLCALL_PORT, ROLLCALL_TOKEN, ROLLCALL_SEEDS, ...) or a TOML file
# mounted and named by ROLLCALL_CONFIG (see rollcall/daemonconfig.py).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN groupadd --system --gid 10001 rollcall \
 && useradd --system --uid 10001 --gid rollcall --home-dir /data --shell /usr/sbin/nologin rollcall

WORKDIR /app
# Dependencies first (cached while only the code changes), then the package itself.
COPY pyproject.toml README.md ./
COPY ingest ./ingest
COPY store ./store
COPY rollcall ./rollcall
RUN pip install . \
 && mkdir -p /data \
 && chown rollcall:rollcall /data
# The bundled seed articles, read by the daemon (ROLLCALL_SEEDS below; override to change).
COPY seeds ./seeds

ENV ROLLCALL_DB=sqlite:////data/rollcall.db \
    ROLLCALL_SEEDS=/app/seeds \
    ROLLCALL_PORT=8080 \
    HOME=/data
VOLUME ["/data"]
USER rollcall
EXPOSE 8080

HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["python", "-c", "import os, sys, urllib.request; port = os.environ.get('ROLLCALL_PORT', '8080'); sys.exit(0 if urllib.request.urlopen(f'http://127.0.0.1:{port}/healthz', timeout=4).status == 200 else 1)"]

STOPSIGNAL SIGTERM
CMD ["rollcall", "run", "--host", "0.0.0.0"]
