"""Splits a pipeline file into what the cluster runs: stretches of document stages, run as one
`winnow run` filter, and corpus stages, run as map -> Spark merge -> apply."""
import json
import math
import os
import re

CORPUS_STAGES = ("exact", "templates", "neardup")
REPORT_STEP = "report"
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


def load(path, ask):
    """(name, definition, segments, report step or None) of a pipeline file, read by the binary as
    `winnow run` reads it (`winnow stages --resolve`): every step checked, every option resolved to the
    value the binary reads, so the cluster never reads a spelling (`7e-1`, `on`) otherwise. `ask(arguments,
    files)` runs the binary, in a task on the cluster, and gives (exit status, stdout, stderr)."""
    try:
        with open(path, "rb") as handle:
            text = handle.read()
    except OSError as error:
        raise PipelineError(f"{path}: cannot read the pipeline file ({error.strerror or error})")
    file_name = os.path.basename(path) or "pipeline.yaml"
    status, output, errors = ask(["stages", "--resolve=./" + file_name], {file_name: text})
    message = errors.decode("utf-8", "replace").strip()
    if status != 0:
        prefix = f"winnow: ./{file_name}: "
        raise PipelineError(f"{path}: {message[len(prefix):]}" if message.startswith(prefix)
                            else message if status == 127 else f"{path}: the binary could not read it: {message}")
    definition = answer_json(output, f"{path}: the binary's reading of it")
    segments, report = [], None
    for number, step in enumerate(definition["steps"], 1):
        name = step_name(step)
        if name == REPORT_STEP:
            report = step
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
    return definition["name"], definition, segments, report


def answer_json(output, what):
    """The JSON the binary printed, or a PipelineError saying `what` it was meant to be: a binary that is not
    this version's winnow prints something else."""
    try:
        return json.loads(output)
    except ValueError as error:
        raise PipelineError(f"{what} is not JSON ({error}): is --binary a winnow binary of this version?")


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
    """The text of a pipeline file of `segment`'s document stages alone, for `winnow run` on one partition:
    JSON, which the binary's YAML reader reads, with each option written by `option_text`."""
    steps = ", ".join("{%s: {%s}}" % (json.dumps(step_name(step)), ", ".join(
        f"{json.dumps(key, ensure_ascii=False)}: {option_text(value)}" for key, value in step[step_name(step)].items()))
        for step in segment.steps)
    return '{"version": %d, "name": %s, "steps": [%s]}\n' % (definition["version"], option_text(definition["name"]), steps)


# What YAML reads as a line break (NEL, LS, PS) or refuses in a file (DEL, C1 controls, a byte order mark
# inside, U+FFFE, U+FFFF), which `json.dumps` leaves as they are.
YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def option_text(value):
    """A resolved option's value (`winnow stages --resolve`) as a pipeline file or `--set` writes it, so the
    binary reads back the same value: JSON (YAML reads JSON), with `.inf`, `-.inf` and `.nan` for the floats
    JSON cannot write, and escapes for the characters YAML would read otherwise."""
    if isinstance(value, float) and not math.isfinite(value):
        return ".nan" if math.isnan(value) else ".inf" if value > 0 else "-.inf"
    return YAML_UNSAFE.sub(lambda found: "\\u%04x" % ord(found.group()), json.dumps(value, ensure_ascii=False))
