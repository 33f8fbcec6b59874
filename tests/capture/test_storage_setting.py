"""Snapshots go through Django's storage API: local files by default, a bucket when one is named."""

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from storages.backends.s3 import S3Storage

from provenance.storage import default_storage


def test_local_files_by_default():
    assert default_storage({}) == {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def test_a_named_bucket_is_private_and_never_overwritten(settings):
    config = default_storage(
        {"STORAGE_BUCKET": "evidence", "STORAGE_ENDPOINT_URL": "http://minio:9000", "STORAGE_PREFIX": "/prov/"}
    )
    settings.STORAGES = {**settings.STORAGES, "default": config}
    storages._storages.pop("default", None)
    try:
        storage = storages["default"]
        assert isinstance(storage, S3Storage)
        assert (storage.bucket_name, storage.default_acl, storage.file_overwrite) == ("evidence", "private", False)
        assert (storage.endpoint_url, storage.location, storage.querystring_auth) == ("http://minio:9000", "prov", True)
    finally:
        storages._storages.pop("default", None)


def test_the_default_storage_keeps_what_it_is_given(tmp_path, settings):
    storage = storages.create_storage({"BACKEND": default_storage({})["BACKEND"], "OPTIONS": {"location": tmp_path}})
    name = storage.save("snapshots/a.warc.gz", ContentFile(b"warc"))
    assert storage.open(name).read() == b"warc"
