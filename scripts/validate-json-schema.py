#!/usr/bin/env python3
"""Validates every content YAML file against the shipped JSON Schema (what editors will use)."""
import glob
import json
import os
import sys

import jsonschema
import yaml


class ContentLoader(yaml.SafeLoader):
    """YAML as disclose reads it (YAML 1.2 core): 2024-12-31 is text, not a date object."""


ContentLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
content = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "Content")
failures = 0
checked = 0
for path in sorted(glob.glob(os.path.join(content, "**", "*.yaml"), recursive=True)):
    name = os.path.basename(path).replace(".yaml", "")
    schema_path = os.path.join(root, "schema", f"{name}.schema.json")
    if not os.path.exists(schema_path):
        continue
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    with open(path, encoding="utf-8-sig") as f:
        document = yaml.load(f, Loader=ContentLoader)
    checked += 1
    for error in jsonschema.Draft202012Validator(schema).iter_errors(document):
        failures += 1
        print(f"{path}: {'/'.join(map(str, error.path))}: {error.message}")
print(f"json-schema: {checked} files checked, {failures} problems")
sys.exit(1 if failures or not checked else 0)
