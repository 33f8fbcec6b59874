"""The OASIS validator, at the strictest setting our data allows."""

import json

from stix2validator import ValidationOptions, validate_string

# strict: every SHOULD is an error; strict_types/strict_properties: no custom objects or properties;
# enforce_refs: every *_ref points into the bundle. One check is off: extref-hashes wants a hash of
# the content at each url, and we do not hold the articles' bytes (a hash of anything else would lie).
STRICT = ValidationOptions(
    version="2.1",
    strict=True,
    strict_types=True,
    strict_properties=True,
    enforce_refs=True,
    disabled=["extref-hashes"],
)
DEFAULT = ValidationOptions(version="2.1")


def messages(bundle: dict, options: ValidationOptions) -> tuple[list[str], list[str]]:
    """(errors, warnings) of the bundle and every object in it (the validator reports them on the bundle)."""
    result = validate_string(json.dumps(bundle), options)
    errors, warnings = [str(e) for e in result.errors], [str(w) for w in result.warnings]
    assert result.is_valid == (not errors)
    return errors, warnings
