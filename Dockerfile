FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app

RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client gettext \
    && rm -rf /var/lib/apt/lists/*

COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

COPY . .
# The interface's Arabic and Persian catalogues, compiled from the committed .po files (docs/i18n.md).
RUN python manage.py compilemessages -l ar -l fa
# collectstatic needs settings that import cleanly; the real key comes from the environment at run time.
RUN DEBUG=false SECRET_KEY=build-only ALLOWED_HOSTS=localhost python manage.py collectstatic --noinput

# /app/media holds uploaded imports; a named volume mounted there starts with this owner.
RUN useradd --create-home provenance && mkdir -p /app/media && chown -R provenance /app
USER provenance

EXPOSE 8000
CMD ["gunicorn", "provenance.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
