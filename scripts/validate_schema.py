#!/usr/bin/env python3
"""Validates account files against relmap's JSON Schema with the jsonschema package
(draft 2020-12, date formats checked), the way an editor sees them.

    python3 scripts/validate_schema.py SCHEMA FILE...

Prints one JSON object: each file's problems as "path: keyword" strings, sorted (an
empty list for a valid file). YAML is read with PyYAML as YAML 1.2 editors read it:
dates stay text (PyYAML would make them date objects, which JSON has not); merge keys
and aliases are resolved. Exits 2 if the schema itself is not a valid schema, and 3 if
draft-07 rules (which VS Code's YAML extension applies) judge a file otherwise than
draft 2020-12: the schema is meant to mean the same under both.
"""
import json
import sys

import jsonschema
import yaml


class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    pass


# Without the timestamp resolver a date is a plain string, as in JSON and YAML 1.2.
Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def problems(validator, document):
    found = []
    for error in validator.iter_errors(document):
        where = "/".join(str(p) for p in error.absolute_path) or "(top level)"
        found.append(f"{where}: {error.validator}")
    return sorted(found)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    drafts = [jsonschema.Draft202012Validator, jsonschema.Draft7Validator]
    for draft in drafts:
        try:
            draft.check_schema(schema)
        except jsonschema.SchemaError as e:
            print(f"not a valid {draft.__name__} schema: {e.message}", file=sys.stderr)
            sys.exit(2)
    validators = [draft(schema, format_checker=draft.FORMAT_CHECKER) for draft in drafts]
    report = {}
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8-sig") as f:
            text = f.read()
        document = json.loads(text) if path.endswith(".json") else yaml.load(text, Loader=Loader)
        judged = [problems(v, document) for v in validators]
        if judged[0] != judged[1]:
            print(f"{path}: draft 2020-12 says {judged[0]}, draft-07 says {judged[1]}", file=sys.stderr)
            sys.exit(3)
        report[path] = judged[0]
    json.dump(report, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
    print()


if __name__ == "__main__":
    main()
