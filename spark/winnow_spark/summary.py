"""The run summary of a cluster run, in the shape of `winnow run --stats`, merged from the summaries of
every partition's calls of the binary (the only numbers the driver collects)."""
import json

STAGE_COUNTS = ("documents_in", "documents_out", "removed_sharing_id", "text_bytes_in", "text_bytes_out", "seconds")


def _add_stage(total, stage):
    for key in STAGE_COUNTS:
        total[key] = total.get(key, 0) + stage.get(key, 0)
    removed = total.setdefault("removed", {})
    for reason, count in stage.get("removed", {}).items():
        removed[reason] = removed.get(reason, 0) + count


def _add_reasons(total, reasons):
    for reason, count in reasons.items():
        total[reason] = total.get(reason, 0) + count


def _empty_stage(name):
    stage = {"stage": name, "removed": {}}
    for key in STAGE_COUNTS:
        stage[key] = 0.0 if key == "seconds" else 0
    return stage


def merge(pipeline, steps, input_bytes, output_bytes, wall_seconds, outputs, found=()):
    """`steps`: (stage names, [partition summaries]) per call of the binary, in pipeline order. Records,
    skips and decoding come from the first call (it read the inputs), kept documents and encoding from
    the last, removals and rejects from all; each stage's figures from the call that ran it. `found` are
    the rejects the driver found (damaged gzip inputs, JSON values over many lines): records read
    and rejected, as `winnow run`'s reader counts them."""
    first, last = steps[0][1], steps[-1][1]
    summary = {"pipeline": pipeline, "records": 0, "kept": 0, "removed": 0, "rejected": 0, "rejected_by_reason": {},
               "skipped": 0, "skipped_by_reason": {}, "input_bytes": input_bytes, "output_bytes": output_bytes,
               "wall_seconds": wall_seconds, "outputs": outputs,
               # The driver runs the binary on the standard fields, and records them as `winnow run` does.
               "fields": {"id": "id", "text": "text", "html": "html", "url": "url"}}
    decode = None
    encode = None
    stages = []
    for part in first:
        summary["records"] += part["records"]
        summary["skipped"] += part.get("skipped", 0)
        _add_reasons(summary["skipped_by_reason"], part.get("skipped_by_reason", {}))
        decode = decode or _empty_stage(part["stages"][0]["stage"])
        _add_stage(decode, part["stages"][0])
    for names, parts in steps:
        totals = [_empty_stage(name) for name in names]
        for part in parts:
            summary["removed"] += part["removed"]
            summary["rejected"] += part["rejected"]
            _add_reasons(summary["rejected_by_reason"], part["rejected_by_reason"])
            for total, stage in zip(totals, part["stages"][1:-1]):
                if stage["stage"] != total["stage"]:
                    raise RuntimeError(f"a partition's summary has stage {stage['stage']} where {total['stage']} was expected")
                _add_stage(total, stage)
        stages += totals
    for part in last:
        summary["kept"] += part["kept"]
        encode = encode or _empty_stage(part["stages"][-1]["stage"])
        _add_stage(encode, part["stages"][-1])
    for reject in found:
        summary["records"] += 1
        summary["rejected"] += 1
        _add_reasons(summary["rejected_by_reason"], {reject["reason"]: 1})
        decode["documents_in"] += 1
    summary["stages"] = [stage for stage in [decode] + stages + [encode] if stage is not None]
    if summary["records"] != summary["kept"] + summary["removed"] + summary["rejected"] + summary["skipped"]:
        raise RuntimeError(f"internal accounting error: {summary['records']} records read but {summary['kept']} kept + "
                           f"{summary['removed']} removed + {summary['rejected']} rejected + {summary['skipped']} skipped; "
                           "no output was written")
    return summary


def encode(summary):
    return (json.dumps(summary, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")
