#!/usr/bin/env python3
"""The figures of `playbook report`, computed independently by a SQL engine (DuckDB).

usage: report_reference.py [--as-of TIME] [--mode run|practice] [--kinds JSON]
                           [--playbook P] [--version V] [--rep NAME]... [--since DATE] [--until DATE]
                           [--export | --write-export FILE] FOLDER|FILE...

Reads the raw session records (docs/sessions.md) and prints, as JSON, the figures of
docs/report.md ("The JSON report") that this script computes: every figure is a SQL query over
the records' lines; Python only finds the files, passes the options in and puts the rows of the
answers into the JSON shape. `ReportReferenceTests` runs it beside `playbook report --format json`
and compares what both compute.

--kinds JSON   which outcomes are wins and losses, {"won": "win", "lost": "loss", ...}: the
               playbook declares it in its file, which this script does not read. An outcome not
               named is neither.
--export       the operands are `playbook export --format jsonl` files instead of records: only
               the funnel (stages: entered, left, median_hours, p90_hours) is computed from them.
--write-export FILE
               writes the records' lines as `playbook export --format jsonl` describes them (to
               try --export before that command exists), instead of the report.

What it leaves out: it does not read the playbook file (so "source" is "records": stage and
question order, types and options come from the records, and an option nobody chose is absent),
the z-test's p-value is `math.erfc` of the z that SQL computes, and files are found by Python
(DuckDB's glob follows no symbolic link to a folder).
"""
import argparse
import json
import math
import os
import re
import stat
import sys
from datetime import datetime, timezone

import duckdb

sys.dont_write_bytecode = True  # no __pycache__ in the test target's folder
import report_queries as sql  # noqa: E402


# How a `time` is written: with milliseconds, or without.
TIME_FORMATS = ["%Y-%m-%dT%H:%M:%S.%gZ", "%Y-%m-%dT%H:%M:%SZ"]


def record_files(operands):
    """The record files under the operands, as docs/report.md reads them: folders recursively,
    following symbolic links, each folder and file once; `*.jsonl` files that are not hidden."""
    seen_folders, seen_files, files = set(), set(), []

    def add(path):
        try:
            info = os.stat(path)
        except OSError as error:
            print(f"report_reference.py: {path}: {error.strerror}", file=sys.stderr)
            return
        if not stat.S_ISREG(info.st_mode):
            print(f"report_reference.py: {path}: not a regular file", file=sys.stderr)
            return
        if (info.st_dev, info.st_ino) not in seen_files:
            seen_files.add((info.st_dev, info.st_ino))
            files.append(path)

    def walk(folder):
        info = os.stat(folder)
        if (info.st_dev, info.st_ino) in seen_folders:
            return
        seen_folders.add((info.st_dev, info.st_ino))
        for name in sorted(os.listdir(folder)):
            if name.startswith("."):
                continue
            path = os.path.join(folder, name)
            if os.path.isdir(path):
                walk(path)
            elif name.endswith(".jsonl"):
                add(path)

    for operand in operands:
        if os.path.isdir(operand):
            walk(operand)
        else:
            add(operand)
    return files


def as_of_ms(text):
    """--as-of: YYYY-MM-DD (midnight UTC) or YYYY-MM-DDTHH:MM:SSZ; default now."""
    if text is None:
        return int(datetime.now(timezone.utc).timestamp() * 1000)
    form = "%Y-%m-%d" if len(text) == 10 else "%Y-%m-%dT%H:%M:%SZ"
    return int(datetime.strptime(text, form).replace(tzinfo=timezone.utc).timestamp() * 1000)


def run(connection, script, parameters=None):
    """Runs each statement of a script with the named parameters it uses; the last one's cursor."""
    cursor = None
    for statement in (part.strip() for part in script.split(";\n")):
        if statement:
            used = {k: v for k, v in (parameters or {}).items() if re.search(r"\$" + k + r"\b", statement)}
            cursor = connection.execute(statement, used)
    return cursor


def rows(connection, query, parameters=None):
    """The rows of a query as dicts."""
    cursor = run(connection, query, parameters)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def by_book(records):
    """Rows grouped by their playbook (path, title), in order."""
    grouped = {}
    for row in records:
        grouped.setdefault((row["path"], row["title"]), []).append(row)
    return grouped


def number_key(text):
    """A scale value as an object key: 3, not 3.0."""
    value = float(text)
    return str(int(value)) if value.is_integer() else repr(value)


def answer_value(kind, text):
    """An answer as by_answer names it: yes or no, the option's text, a scale value as its key."""
    if kind == "yes/no":
        return "yes" if text == "true" else "no"
    if kind == "choice":
        return text
    return number_key(text)


def report(connection, files, options):
    kinds = json.loads(options.kinds or "{}")
    run(connection, sql.LINES, {"files": files})
    run(connection, sql.OBJECTS)
    run(connection, sql.EVENTS)
    run(connection, sql.RECORDS, {"files": files})
    run(connection, sql.FACTS)
    playbook = options.playbook
    # The options that are lists, as tables.
    connection.execute("CREATE TEMP TABLE kinds (outcome VARCHAR, kind VARCHAR)")
    if kinds:
        connection.executemany("INSERT INTO kinds VALUES (?, ?)", list(kinds.items()))
    connection.execute("CREATE TEMP TABLE reps (rep VARCHAR)")
    if options.rep:
        connection.executemany("INSERT INTO reps VALUES (?)", [[rep] for rep in options.rep])
    run(connection, sql.SELECTED, {
        "by_rep": bool(options.rep), "mode": options.mode, "playbook": playbook,
        "playbook_path": os.path.abspath(playbook) if playbook else None,
        "version": options.version, "since": options.since, "until": options.until,
    })
    run(connection, sql.STAGE_ORDER)
    run(connection, sql.STAGE_VISITS)
    run(connection, sql.QUESTIONS)
    run(connection, sql.VERSIONS)
    moment = as_of_ms(options.as_of)
    at = {"as_of_ms": moment}

    overview = rows(connection, sql.OVERVIEW)
    outcomes = by_book(rows(connection, sql.OUTCOMES))
    funnel = by_book(rows(connection, sql.FUNNEL, at))
    rest = by_book(rows(connection, sql.REST))
    stalls = by_book(rows(connection, sql.STALLS, at))
    stage_order = by_book(rows(connection, "SELECT * FROM stage_order ORDER BY path, title, place"))
    questions = by_book(rows(connection, sql.QUESTION_FIGURES))
    question_order = by_book(rows(connection, sql.QUESTION_ORDER))
    answers = by_book(rows(connection, sql.BY_ANSWER))
    reps = by_book(rows(connection, sql.REPS))
    versions = by_book(rows(connection, "SELECT * FROM version_figures ORDER BY path, title, place"))
    tests = by_book(rows(connection, "SELECT * FROM version_test"))
    version_stages = by_book(rows(connection, sql.VERSION_STAGES))
    trend = by_book(rows(connection, sql.TREND))
    totals = rows(connection, sql.SKIPPED, {"mode": options.mode})[0]

    books = []
    for row in overview:
        key = (row["path"], row["title"])
        order = {r["stage"]: r["place"] for r in stage_order.get(key, [])}
        titles = {r["stage"]: r["stage_title"] for r in stage_order.get(key, [])}
        seen = {r["outcome"]: r["n"] for r in outcomes.get(key, [])}

        def stage_place(name):
            return (order.get(name, len(order) + 1), name)

        stage_rows = sorted(funnel.get(key, []), key=lambda r: stage_place(r["stage"]))
        stages = []
        for r in stage_rows:
            stages.append({
                "stage": r["stage"], "title": titles.get(r["stage"]),
                "entered": r["entered"], "left": r["left"],
                "next_step_conversion": r["next_step_conversion"],
                "cumulative_conversion": r["cumulative_conversion"],
                "rest": {x["rest"]: x["n"] for x in rest.get(key, []) if x["stage"] == r["stage"]},
                "median_hours": r["median_hours"], "p90_hours": r["p90_hours"],
                "open": r["open"], "median_open_days": r["median_open_days"],
                "stalls": [{"session": s["session"], "deal": s["deal"], "rep": s["rep"], "days": s["days"]}
                           for s in stalls.get(key, []) if s["stage"] == r["stage"]],
            })

        figures = {q["question"]: q for q in questions.get(key, [])}
        question_list = []
        for place in question_order.get(key, []):
            q = figures[place["question"]]
            entry = {k: q[k] for k in ("question", "text", "type", "stage", "asked", "answered", "median_seconds",
                                        "last_before_loss")}
            mine = [a for a in answers.get(key, []) if a["question"] == q["question"]]
            if q["type"] == "yes/no":
                entry["yes"], entry["no"] = q["yes"] or 0, q["no"] or 0
            elif q["type"] == "choice":
                entry["options"] = {a["answer"]: a["answered"] for a in mine}
            elif q["type"] == "number":
                entry.update({k: q[k] for k in ("min", "q1", "median", "q3", "max")})
            elif q["type"] == "scale":
                entry["mean"] = q["mean"]
                entry["values"] = {number_key(a["answer"]): a["answered"] for a in mine}
            if q["type"] in ("yes/no", "choice", "scale"):
                entry["by_answer"] = [{"answer": answer_value(q["type"], a["answer"]), "ended": a["ended"],
                                       "won": a["won"], "win_rate": a["win_rate"], "small": a["small"]}
                                      for a in mine]
            question_list.append(entry)
        most = max((q["last_before_loss"] for q in question_list), default=0)
        dies = next((q["question"] for q in question_list if most > 0 and q["last_before_loss"] == most), None)

        version_list = []
        test_of = {t["version"]: t for t in tests.get(key, [])}
        for v in versions.get(key, []):
            t = test_of.get(v["version"])
            if t is None:
                test = None
            elif t["too_small"]:
                test = {"against": t["against"], "z": None, "p": None, "verdict": "too_small"}
            else:
                p = math.erfc(abs(t["z"]) / math.sqrt(2))
                test = {"against": t["against"], "z": t["z"], "p": p, "verdict": "clear" if p < 0.05 else "unclear"}
            version_list.append({
                "version": v["version"], "sessions": v["sessions"], "ended": v["ended"], "won": v["won"],
                "win_rate": v["win_rate"],
                "stages": [{"stage": s["stage"], "entered": s["entered"], "left": s["left"],
                            "conversion": s["conversion"]}
                           for s in sorted(version_stages.get(key, []), key=lambda s: stage_place(s["stage"]))
                           if s["version"] == v["version"]],
                "test": test,
            })

        books.append({
            "title": row["title"], "path": row["path"], "language": row["language"], "source": "records",
            "sessions": row["sessions"],
            "status": {k: row[k] for k in ("ended", "paused", "interrupted", "faulted")},
            "outcomes": seen,
            "outcome_kinds": {o: kinds[o] if kinds.get(o) in ("win", "loss") else "other"
                              for o in sorted(set(seen) | set(kinds))},
            "won": row["won"], "lost": row["lost"], "win_rate": row["win_rate"],
            "median_cycle_days": row["median_cycle_days"], "median_active_minutes": row["median_active_minutes"],
            "stages": stages,
            "questions": question_list,
            "where_deals_die": dies,
            "reps": [{k: r[k] for k in ("rep", "sessions", "ended", "won", "win_rate", "median_cycle_days",
                                        "lost_in", "practice_runs", "average_grade")} for r in reps.get(key, [])],
            "versions": version_list,
            "trend": [{"week": t["week"], "started": t["started"], "won": t["won"]} for t in trend.get(key, [])],
        })
    stamp = datetime.fromtimestamp(moment / 1000, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment % 1000:03d}Z"
    return {"schema": 1, "as_of": stamp, "files": totals["files"],
            "skipped": {"lines": totals["skipped_lines"], "files": totals["skipped_files"]},
            "playbooks": books}


def export_funnel(connection, files, options):
    funnel = rows(connection, sql.EXPORT_FUNNEL, {"files": files, "mode": options.mode, "times": TIME_FORMATS})
    books = []
    for (path, title), stages in by_book(funnel).items():
        books.append({"title": title, "path": path, "source": "export",
                      "stages": [{k: s[k] for k in ("stage", "entered", "left", "median_hours", "p90_hours")}
                                 for s in stages]})
    return {"schema": 1, "playbooks": books}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("operands", nargs="+", metavar="FOLDER|FILE")
    parser.add_argument("--as-of")
    parser.add_argument("--mode", choices=["run", "practice"], default="run")
    parser.add_argument("--kinds", help='{"OUTCOME": "win" | "loss", ...}')
    parser.add_argument("--playbook")
    parser.add_argument("--version")
    parser.add_argument("--rep", action="append")
    parser.add_argument("--since")
    parser.add_argument("--until")
    parser.add_argument("--export", action="store_true", help="the operands are `playbook export` JSON Lines")
    parser.add_argument("--write-export", metavar="FILE", help="write the records in the export's format")
    options = parser.parse_args()
    files = record_files(options.operands)
    # No progress bar: on a busy machine a slow query draws one on stdout, among the JSON.
    connection = duckdb.connect()
    connection.execute("SET enable_progress_bar = false")
    if not files:
        result = {"schema": 1, "files": 0, "skipped": {"lines": 0, "files": 0}, "playbooks": []}
    elif options.export:
        result = export_funnel(connection, files, options)
    elif options.write_export:
        report(connection, files, options)
        with open(options.write_export, "w", encoding="utf-8") as out:
            out.writelines(row["line"] + "\n" for row in rows(connection, sql.WRITE_EXPORT))
        return
    else:
        result = report(connection, files, options)
    json.dump(result, sys.stdout, ensure_ascii=False, sort_keys=True, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
