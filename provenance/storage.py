"""Where uploaded files and capture snapshots are kept: Django's storage API, chosen from the environment.

Local files under MEDIA_ROOT by default. With `STORAGE_BUCKET` set, an S3-compatible bucket
through django-storages (AWS S3, MinIO, Ceph, Backblaze…): objects are private, never
overwritten, and reached only through this application (snapshots are evidence, downloaded
as attachments, never served from the bucket as pages). Credentials come the way boto3 looks
for them (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, or an instance role).
"""

from collections.abc import Mapping


def default_storage(environ: Mapping[str, str]) -> dict:
    bucket = environ.get("STORAGE_BUCKET", "").strip()
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    options = {
        "bucket_name": bucket,
        "default_acl": "private",
        "file_overwrite": False,
        "querystring_auth": True,
        "location": environ.get("STORAGE_PREFIX", "").strip("/"),
    }
    for setting, option in (("STORAGE_ENDPOINT_URL", "endpoint_url"), ("STORAGE_REGION", "region_name")):
        if environ.get(setting):
            options[option] = environ[setting]
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}
