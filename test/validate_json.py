#!/usr/bin/env python3
"""validate_json.py SCHEMA DOCUMENT...

Checks each JSON document against a JSON Schema, with the validator of the
draft the schema names in "$schema" (Debian's python3-jsonschema). Prints
"DOCUMENT: valid", or "DOCUMENT: not valid: ..." with each error and where
it is. Exit status: 0 all valid, 1 a document is not valid or not JSON, 2 the
schema or python3-jsonschema cannot be used. (lit.cfg.py's %validate_json.)
"""
import json
import sys


def fail(msg):
    print("validate_json.py: " + msg, file=sys.stderr)
    sys.exit(2)


try:
    import jsonschema
    from jsonschema import validators
except ImportError:
    fail("python3-jsonschema is not installed (tools/setup.sh installs it)")


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def main(argv):
    if len(argv) < 3:
        fail("usage: validate_json.py SCHEMA DOCUMENT...")
    try:
        schema = load(argv[1])
    except (OSError, ValueError) as e:
        fail("%s: %s (tools/setup.sh fetches the SARIF schema)" % (argv[1], e))
    cls = validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema, format_checker=jsonschema.FormatChecker())
    status = 0
    for path in argv[2:]:
        try:
            doc = load(path)
        except (OSError, ValueError) as e:
            print("%s: not JSON: %s" % (path, e))
            status = 1
            continue
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
        if not errors:
            print("%s: valid" % path)
            continue
        status = 1
        for e in errors[:10]:
            where = "/".join(str(p) for p in e.absolute_path)
            print("%s: not valid: %s at /%s" % (path, e.message, where))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
