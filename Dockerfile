# Footnote API + page. Build: docker build -t footnote .   Run: docker run -p 8000:8000 footnote
# Publicly, put a buffering proxy in front (deploy/nginx.conf; docs/deploy.md, "Slow clients").
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY pyproject.toml README.md ./
COPY server ./server
RUN pip install . \
    && useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin footnote

# Everything the app needs is in the image; it writes nothing to disk.
USER 10001
ENV FOOTNOTE_HOST=0.0.0.0 \
    FOOTNOTE_PORT=8000
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/api/v1/health' % os.environ.get('FOOTNOTE_PORT', '8000'), timeout=2)"]

CMD ["footnote", "serve"]
