"""Splits a pipeline file into what the cluster runs: stretches of document stages, run as one
`winnow run` filter, and corpus stages, run as map -> Spark merge -> apply."""
import os
import subprocess

import yaml

from .binary import locate

CORPUS_STAGES = ("exact", "templates", "neardup")
REPORT_STEP = "report"
# The pipeline file format this driver reads (`PipelineDefinition.currentVersion`).
VERSION = 1
# The options that name a side file, per stage (the files `winnow run` checks are distinct).
SIDE_FILE_OPTIONS = {"templates": ("summary",), "neardup": ("clusters", "assignments")}


class PipelineError(ValueError):
    """A pipeline the cluster path cannot run."""


class Segment:
    """Document stages run together (`steps` as in the file), or one corpus stage (`corpus` names it);
    `number` is the first step's number in the file (1 for the first step, as the binary's messages count)."""

    def __init__(self, steps, corpus=None, number=1):
        self.steps = steps
        self.corpus = corpus
        self.number = number

    @property
    def names(self):
        return [step_name(step) for step in self.steps]

    @property
    def options(self):
        step = self.steps[0]
        return (step.get(self.corpus) or {}) if isinstance(step, dict) else {}


def step_name(step):
    return step if isinstance(step, str) else next(iter(step))


def load(path):
    """(name, definition, segments, report step or None) of a pipeline file. The binary checks every
    option when it runs a segment; here the file's shape and the order of its steps are checked."""
    with open(path, encoding="utf-8") as handle:
        definition = yaml.safe_load(handle)
    # The file's shape as `PipelineDefinition.parse` checks it: a pipeline of corpus stages alone never
    # reaches the binary's own parser.
    if not isinstance(definition, dict):
        raise PipelineError(f"{path}: a pipeline file is a mapping with 'version' and 'steps'")
    for key in definition:
        if key not in ("version", "name", "description", "steps"):
            raise PipelineError(f"{path}: unknown key '{key}'; a pipeline file has: version, name, description, steps")
    if "version" not in definition or isinstance(definition["version"], bool) or not isinstance(definition["version"], int):
        raise PipelineError(f"{path}: missing 'version: {VERSION}'")
    if definition["version"] != VERSION:
        raise PipelineError(f"{path}: pipeline format version {definition['version']} is not supported; this Winnow "
                            f"reads version {VERSION}")
    if not isinstance(definition.get("steps"), list):
        raise PipelineError(f"{path}: 'steps' must be a list of stages")
    segments, report = [], None
    steps = definition["steps"]
    for number, step in enumerate(steps, 1):
        if not isinstance(step, str) and not (isinstance(step, dict) and len(step) == 1 and isinstance(next(iter(step)), str)):
            raise PipelineError(f"{path}: step {number} must be a stage name or 'stage: {{options}}'")
        name = step_name(step)
        require_values(path, number, name, step.get(name) if isinstance(step, dict) else None)
        if name == REPORT_STEP:
            # As `winnow run` requires: one report step, the last, since it reads the finished run's outputs.
            if number != len(steps):
                raise PipelineError(f"{path}: step {number}: 'report' reads the finished run's outputs, so it must be "
                                    f"the last step (winnow run refuses this pipeline too)")
            # A bare `- report` is the step with every option at its default.
            report = step if isinstance(step, dict) else {REPORT_STEP: {}}
        elif name in CORPUS_STAGES:
            segments.append(Segment([step], corpus=name, number=number))
        elif segments and segments[-1].corpus is None:
            segments[-1].steps.append(step)
        else:
            segments.append(Segment([step], number=number))
    require_distinct_side_files(path, definition["steps"])
    if not segments:
        # No stage (passthrough, or a report alone): one call of the binary still reads and checks every
        # record, as `winnow run` does, and gives the run's counts.
        segments.append(Segment([], number=1))
    # Unnamed, a pipeline is named after its file, as `winnow run` names it.
    name = definition.get("name")
    if not isinstance(name, str):
        name = os.path.splitext(os.path.basename(path))[0]
    return name, definition, segments, report


def require_values(path, number, name, options):
    """Refuses an option given no value (`unicode: null`, `summary:`), as the binary does, before any
    Spark work: the driver reads some options itself (templates', the report's)."""
    for key, value in (options.items() if isinstance(options, dict) else ()):
        if value is None:
            raise PipelineError(f"{path}: step {number}: invalid options for {name}: '{key}': has no value: give "
                                f"one ('' for empty text), or leave the key out for the default")


def require_distinct_side_files(path, steps):
    """Refuses two steps naming one side file, as `winnow run` does (there the second would overwrite
    the first): the cluster writes each to its own folder, but the same pipeline must fail alike."""
    named = {}
    for number, step in enumerate(steps, 1):
        name = step_name(step)
        options = step.get(name) if isinstance(step, dict) else None
        for option in SIDE_FILE_OPTIONS.get(name, ()):
            file = options.get(option) if isinstance(options, dict) else None
            if not isinstance(file, str) or not file:
                continue
            key = os.path.realpath(file)
            if key in named:
                raise PipelineError(
                    f"{path}: step {number} ({name} {option}: {file}) names the same file as step {named[key]}; "
                    f"give each side file a path of its own (winnow run refuses this pipeline too)")
            named[key] = f"{number} ({name} {option}: {file})"


def document_pipeline(definition, segment):
    """The text of a pipeline file of `segment`'s document stages alone, for `winnow run` on one partition."""
    partial = {"version": definition.get("version", 1), "name": definition.get("name") or "pipeline",
               "steps": segment.steps}
    return yaml.safe_dump(partial, sort_keys=False, allow_unicode=True)


def _default_pipeline(binary):
    return subprocess.run([locate(binary), "stages", "--pipeline"], check=True, capture_output=True).stdout


def stage_defaults(spark, binary, stage):
    """The defaults of a stage's options as the binary declares them (`winnow stages --pipeline`), asked
    in a task: that is where the binary runs, and a failed call is retried like any other."""
    text = spark.sparkContext.parallelize([binary], 1).map(_default_pipeline).first()
    steps = {step_name(step): step[step_name(step)] for step in yaml.safe_load(text)["steps"]}
    return dict(steps[stage])
