"""The JSON Schemas of `oversight schema`, checked with the jsonschema package (draft 2020-12,
with the `date` format asserted, as an editor does): they accept every bundled checklist and
every example, and refuse the corpus cases whose error is one of shape, which a schema can see
(tests/corpus/*/expect.yaml names each case's code).

The YAML is read as an editor's language server reads it for a schema: dates stay strings, and
mapping keys are strings.
"""

import json
import os
import subprocess

import pytest
import yaml
from jsonschema import Draft202012Validator, FormatChecker

from conftest import ROOT


class EditorLoader(yaml.SafeLoader):
    """YAML as the schema sees it: no timestamps (a date is a string)."""


EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def keys_as_strings(value):
    if isinstance(value, dict):
        return {str(k): keys_as_strings(v) for k, v in value.items()}
    if isinstance(value, list):
        return [keys_as_strings(v) for v in value]
    return value


def read(path):
    return keys_as_strings(yaml.load(path.read_text(encoding="utf-8"), Loader=EditorLoader))


def schema(*args):
    done = subprocess.run([os.environ["OVERSIGHT_BIN"], "schema", *args], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    value = json.loads(done.stdout)
    Draft202012Validator.check_schema(value)
    return Draft202012Validator(value, format_checker=FormatChecker())


# Every checklist, by the id and version its answers name.
CHECKLISTS = {
    ("dssg-executive", "2.0"): ROOT / "checklists/dssg-executive.yaml",
    ("dssg-executive", "1.0"): ROOT / "checklists/dssg-executive-1.0.yaml",
    **{(path.stem, "1.0"): path for path in (ROOT / "checklists/methods").glob("*.yaml")},
    ("form-test", "1.0"): ROOT / "tests/python/form/checklist.yaml",
    ("scoped-test", "1"): ROOT / "tests/frameworks/scoped.yaml",
}
EXAMPLES = sorted((ROOT / "examples").rglob("*.yaml"))

# The corpus cases a schema refuses: the shape of a key, a type, a date, a level, an indicator
# id, a version, a weight, a justification, the first band.
REFUSED = {
    "unknown-key": "answers.yaml", "wrong-type": "answers.yaml",
    "date-does-not-exist": "answers.yaml", "level-off-scale": "answers.yaml",
    "unknown-indicator": "answers.yaml", "version-mismatch": "answers.yaml",
    "not-applicable-without-justification": "answers.yaml",
    "weight-negative": "checklist.yaml", "weight-zero": "checklist.yaml",
    "weight-too-large": "checklist.yaml", "bands-start": "checklist.yaml",
}


@pytest.fixture(scope="module")
def schemas():
    out = {"checklist": schema("checklist"), "answers": schema("answers")}
    for edition, path in CHECKLISTS.items():
        out[edition] = schema("answers", "--checklist", str(path))
    return out


def errors(validator, document):
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator.iter_errors(document)]


@pytest.mark.parametrize("edition", sorted(CHECKLISTS))
def test_every_bundled_checklist_fits_the_checklist_schema(schemas, edition):
    checklist = read(CHECKLISTS[edition])
    assert (checklist["id"], checklist["version"]) == edition
    assert errors(schemas["checklist"], checklist) == []


def test_every_example_fits_the_answers_schema_and_its_checklists(schemas):
    assert len(EXAMPLES) >= 19
    for path in EXAMPLES:
        document = read(path)
        assert errors(schemas["answers"], document) == [], path
        edition = (document["checklist"], document["checklist_version"])
        assert errors(schemas[edition], document) == [], path


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_the_corpus_cases_of_shape_are_refused(schemas, case):
    folder = ROOT / "tests/corpus" / case
    code = read(folder / "expect.yaml")["code"]
    assert code in {"unknown-key", "wrong-type", "invalid-date", "level-off-scale",
                    "unknown-indicator", "version-mismatch", "missing-justification",
                    "bad-weight", "bands-start"}, code
    document = read(folder / REFUSED[case])
    validator = schemas["checklist" if REFUSED[case] == "checklist.yaml" else ("dssg-executive", "1.0")]
    assert errors(validator, document) != [], f"{case} ({code}) fits the schema"


def test_an_indicator_shows_its_text_and_its_levels(schemas):
    answers = schemas[("dssg-executive", "1.0")].schema["properties"]["answers"]
    law = answers["properties"]["law-1"]
    assert law["description"].startswith("The mandate, powers and limits of every security")
    assert law["properties"]["level"] == {"enum": [0, 1, 2, 3, 4, None]}
    assert answers["additionalProperties"] is False
    sai = schemas[("sai-pmf-style", "1.0")].schema["properties"]["answers"]["properties"]
    assert any(p["properties"].get("criteria_met") for p in sai.values())


def test_a_skeleton_fits_the_schema_that_init_writes_beside_it(oversight, tmp_path):
    for checklist in ["dssg-executive", str(CHECKLISTS[("sai-pmf-style", "1.0")])]:
        skeleton = tmp_path / "answers.yaml"
        oversight("init", checklist, "-o", str(skeleton), "--force")
        first = skeleton.read_text(encoding="utf-8").splitlines()[0]
        name = first.removeprefix("# yaml-language-server: $schema=./")
        beside = json.loads((tmp_path / name).read_text(encoding="utf-8"))
        validator = Draft202012Validator(beside, format_checker=FormatChecker())
        assert errors(validator, read(skeleton)) == [], checklist
