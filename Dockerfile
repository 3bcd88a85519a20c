# syntax=docker/dockerfile:1
# IMI: the web app (target `app`, the default) and an Apertium translation server (target `apertium`).
#
#   docker build -t imi:0.1.0 .                               the app: `imi serve`, several workers on PostgreSQL
#   docker build --target apertium -t imi-apertium:0.1.0 .    apertium-apy with the language pairs
#
# docker-compose.yml builds both and runs them with PostgreSQL, Meilisearch and Redis.

# ---- the single-page app, built with Node ---------------------------------------------------------------
FROM node:20.19.4-bookworm-slim AS spa
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY schema.graphql /src/schema.graphql
COPY frontend/ ./
RUN npm run build

# ---- the Python packages, pinned by requirements.lock --------------------------------------------------
FROM python:3.11.13-slim-bookworm AS python-packages
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
COPY requirements.lock /tmp/requirements.lock
RUN python -m venv /opt/venv && /opt/venv/bin/pip install --quiet -r /tmp/requirements.lock

# ---- Apertium's Debian packages (system-packages.txt without the browser the tests use) ---------------
FROM python:3.11.13-slim-bookworm AS apertium-packages
COPY system-packages.txt /tmp/system-packages.txt
RUN apt-get update \
 && grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' -e '^chromium$' /tmp/system-packages.txt \
    | xargs apt-get install -y --no-install-recommends \
 && rm -rf /var/lib/apt/lists/*

# ---- apertium-apy as a service of its own -----------------------------------------------------------------
FROM apertium-packages AS apertium
RUN useradd --system --uid 10002 --no-create-home --shell /usr/sbin/nologin apertium
USER apertium
EXPOSE 2737
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 \
  CMD ["/usr/bin/python3", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:2737/listPairs', timeout=4)"]
CMD ["apertium-apy", "-p", "2737", "-j", "1", "/usr/share/apertium/modes"]

# ---- the app ------------------------------------------------------------------------------------------------
FROM apertium-packages AS app
RUN useradd --system --uid 10001 --home-dir /var/lib/imi --shell /usr/sbin/nologin imi \
 && mkdir -p /var/lib/imi && chown imi:imi /var/lib/imi
COPY --from=python-packages /opt/venv /opt/venv
WORKDIR /app
COPY pyproject.toml schema.graphql ./
COPY search_index/ search_index/
COPY backend/ backend/
COPY --from=spa /src/frontend/dist frontend/dist
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONPATH=/app/backend \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    IMI_ENV=production \
    IMI_HOST=0.0.0.0 \
    IMI_PORT=8000 \
    IMI_WORKERS=2 \
    IMI_VAR_DIR=/var/lib/imi \
    IMI_FRONTEND_DIR=/app/frontend/dist
USER imi
VOLUME ["/var/lib/imi"]
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=5 \
  CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
CMD ["python", "-m", "imi", "serve"]
