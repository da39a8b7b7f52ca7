#!/usr/bin/env python3
"""Writes the TextMate grammars of the playbook language and of scenario files.

The grammars are JSON with every regular expression escaped twice; they are written from this
file so that the identifier and keyword patterns have one home each. Run it after changing it:

    python3 editors/make_grammars.py

It writes editors/playbook.tmLanguage.json and editors/scenarios.tmLanguage.json, and the same
two files into editors/vscode/syntaxes/ (an extension may only use files inside its folder).
Tests/PlaybookKitTests/Editors/grammar_check.py fails when the files differ from what this
writes, and tokenizes every shipped file with them.

The language is line based (docs/language.md): a keyword counts as one only as the first word of
a line (`when` after `exit`, answer types after an `ask` line's question), so each kind of line is
one begin/end rule that starts with `^` and ends at the end of its line. What follows the keyword
is highlighted with the patterns of that kind of line only, so that `ask text "..." text` shows
the question's name as a name and its answer type as a type.
"""

import json
import os

# The lexer's identifiers (Lexer.isIdentifierStart, isIdentifierContinue): a letter or `_`, then
# letters, combining marks, decimal digits and connector punctuation. Oniguruma's \p{...}.
IDENTIFIER_CONTINUE = r"[\p{L}\p{M}\p{Nd}\p{Pc}_]"
IDENTIFIER = r"[\p{L}_]" + IDENTIFIER_CONTINUE + "*"
# A keyword ends where an identifier would not go on: `asking` is a name, `ask` a keyword.
WORD_END = "(?!" + IDENTIFIER_CONTINUE + ")"
WORD_START = "(?<!" + IDENTIFIER_CONTINUE + ")"
NUMBER = r"\d+(?:\.\d+)?"

# The answer types, at the end of an `ask` line (Parser.answerTypes).
ANSWER_TYPES = ["choice", "number", "text", "scale"]

# Scenario files: a word is anything up to white space, `#`, `=`, `,` or `"` (ScenarioLexer).
SCENARIO_WORD = r"[^\s#=,\"]+"
SCENARIO_WORD_END = r"(?=[\s#=,\"]|$)"
# `yes` and `no`, and the first word for each in the runner's languages (Answer.byLanguage): the
# words a scenario file of that language writes.
SCENARIO_YES_NO = ["yes", "no", "có", "không", "כן", "לא", "是", "否", "ใช่", "ไม่ใช่"]


def line(keyword_pattern, captures, patterns, end="$"):
    """A kind of line: its first words, then the patterns of the rest of it up to its end."""
    return {
        "begin": r"^\s*" + keyword_pattern,
        "beginCaptures": {str(index): {"name": name} for index, name in captures.items()},
        "end": end,
        "patterns": [{"include": "#" + name} for name in patterns],
    }


def keyword(words):
    return "(" + "|".join(words) + ")" + WORD_END


def string_rule(suffix, inner):
    return {
        "name": "string.quoted.double." + suffix,
        "begin": '"',
        "beginCaptures": {"0": {"name": "punctuation.definition.string.begin." + suffix}},
        # A string ends on its line; one that does not (an error) stops at the line's end.
        "end": '(")|$',
        "endCaptures": {"1": {"name": "punctuation.definition.string.end." + suffix}},
        "patterns": [{"include": "#" + name} for name in inner],
    }


def playbook_grammar():
    s = ".playbook"
    other = "keyword.other" + s
    control = "keyword.control" + s
    # What may follow an expression's operands and operators, in `if`, `exit when` and `set`.
    expression_core = ["logical", "boolean", "score", "number", "operator", "parens", "name", "invalid"]
    repository = {
        "comment": {
            "name": "comment.line.number-sign" + s,
            "match": "(#).*$",
            "captures": {"1": {"name": "punctuation.definition.comment" + s}},
        },
        "escape": {"name": "constant.character.escape" + s, "match": r'\\["\\{}nt]'},
        "bad-escape": {"name": "invalid.illegal.escape" + s, "match": r"\\."},
        "interpolation": {
            "name": "meta.interpolation" + s,
            "match": r"(\{)(" + IDENTIFIER + r")(\})",
            "captures": {
                "1": {"name": "punctuation.section.interpolation.begin" + s},
                "2": {"name": "variable.other.interpolation" + s},
                "3": {"name": "punctuation.section.interpolation.end" + s},
            },
        },
        # A persona is not part of the walk: `{name}` in its texts is an error (PB0111).
        "persona-interpolation": {"name": "invalid.illegal.interpolation" + s, "match": r"\{" + IDENTIFIER + r"\}"},
        # `{` must hold one name and be closed, in every string (PB0111).
        "bad-brace": {"name": "invalid.illegal.brace" + s, "match": r"\{"},
        # Strings that are shown while a walk runs: `{name}` shows a value there.
        "string-shown": string_rule("playbook", ["escape", "bad-escape", "interpolation", "bad-brace"]),
        # Titles, header fields, terms, option labels, paths, strings in expressions: `{name}` stays
        # as written.
        "string-plain": string_rule("playbook", ["escape", "bad-escape", "plain-braces", "bad-brace"]),
        "plain-braces": {"match": r"\{" + IDENTIFIER + r"\}"},
        "string-persona": string_rule("playbook", ["escape", "bad-escape", "persona-interpolation", "bad-brace"]),
        "number": {"name": "constant.numeric" + s, "match": WORD_START + NUMBER},
        "logical": {"name": "keyword.operator.logical" + s, "match": WORD_START + keyword(["and", "or", "not"])},
        "boolean": {"name": "constant.language.boolean" + s, "match": WORD_START + keyword(["yes", "no"])},
        "score": {"name": "variable.language.score" + s, "match": WORD_START + keyword(["score"])},
        "operator": {
            "patterns": [
                {"name": "keyword.operator.comparison" + s, "match": "==|!=|<=|>=|<|>"},
                {"name": "keyword.operator.arithmetic" + s, "match": r"[-+*/]"},
            ]
        },
        "assignment": {"name": "keyword.operator.assignment" + s, "match": r"\+=|-=|(?<![=!<>])=(?!=)"},
        "parens": {
            "patterns": [
                {"name": "punctuation.section.parens.begin" + s, "match": r"\("},
                {"name": "punctuation.section.parens.end" + s, "match": r"\)"},
            ]
        },
        "name": {"name": "variable.other" + s, "match": IDENTIFIER},
        # Anything else outside a string is not part of the language (PB0115): `“`, `≥`, `;`.
        "invalid": {"name": "invalid.illegal.character" + s, "match": r"\S"},
        # A string compared with `==` or `!=` is an expression's, even on an `exit when` line, where
        # a string of its own is the message shown.
        "compared-string": {
            "begin": r"(==|!=)\s*(?=\")",
            "beginCaptures": {"1": {"name": "keyword.operator.comparison" + s}},
            "end": r'(?<=")|$',
            "patterns": [{"include": "#string-plain"}],
        },
        "expression": {
            "patterns": [{"include": "#" + name} for name in ["comment", "compared-string", "string-plain"] + expression_core]
        },
        # `-> TARGET`: a stage, a question, `next`, or `end OUTCOME ["reason"]`.
        "jump": {
            "begin": "(->)",
            "beginCaptures": {"1": {"name": "keyword.control.jump" + s}},
            "end": "$",
            "patterns": [
                {"include": "#comment"},
                {"name": "constant.language.next" + s, "match": WORD_START + keyword(["next"])},
                {
                    "match": WORD_START + r"(end)" + WORD_END + r"(?:\s*(" + IDENTIFIER + "))?",
                    "captures": {"1": {"name": control}, "2": {"name": "constant.other.outcome" + s}},
                },
                {"include": "#string-shown"},
                {"name": "entity.name.function.target" + s, "match": IDENTIFIER},
                {"include": "#invalid"},
            ],
        },
        "outcome-list": {
            "patterns": [
                {
                    "match": r"(\()\s*(?:(win|loss)|(" + IDENTIFIER + r"))\s*(\))",
                    "captures": {
                        "1": {"name": "punctuation.definition.mark.begin" + s},
                        "2": {"name": "constant.language.mark" + s},
                        "3": {"name": "invalid.illegal.mark" + s},
                        "4": {"name": "punctuation.definition.mark.end" + s},
                    },
                },
                {"name": "punctuation.separator.comma" + s, "match": ","},
                {"name": "constant.other.outcome" + s, "match": IDENTIFIER},
            ]
        },
        "language-code": {"name": "constant.other.language-code" + s, "match": IDENTIFIER + "(?:-" + IDENTIFIER + ")*"},
        "answer-type": {
            "patterns": [
                {"name": "support.type.answer" + s, "match": WORD_START + r"yes\s*/\s*no" + WORD_END},
                {"name": "support.type.answer" + s, "match": WORD_START + keyword(ANSWER_TYPES)},
            ]
        },
        # `1..5`, `-10..10`, `0..`: the bounds of a number or scale question.
        "range": {
            "match": r"((?:-\s*)?" + NUMBER + r")\s*(\.\.)\s*((?:-\s*)?" + NUMBER + ")?",
            "captures": {
                "1": {"name": "constant.numeric" + s},
                "2": {"name": "keyword.operator.range" + s},
                "3": {"name": "constant.numeric" + s},
            },
        },
        "persona-id": {"name": "entity.name.type.persona" + s, "match": IDENTIFIER},
        "sign": {"name": "keyword.operator.arithmetic" + s, "match": "[-+]"},
        # `buyer` alone opens a block of lines, each a string or a persona's id and a string; the
        # block ends at the first line (not blank, not a comment) indented no deeper than `buyer`.
        "buyer-block": {
            "begin": r"^(\s*)(buyer)" + WORD_END + r"(?=\s*(?:#.*)?$)",
            "beginCaptures": {"2": {"name": other}},
            "end": r"^(?!\1\s)(?=\s*[^\s#])",
            "patterns": [{"include": "#" + name} for name in ["comment", "string-shown", "persona-id", "invalid"]],
        },
    }
    lines = [
        {"include": "#comment"},
        {"include": "#buyer-block"},
        line(keyword(["playbook", "methodology", "version", "description", "use", "term"]), {1: other},
             ["comment", "string-plain", "number", "invalid"]),
        line(keyword(["language"]), {1: other}, ["comment", "string-plain", "language-code", "invalid"]),
        line(keyword(["outcomes"]), {1: other}, ["comment", "outcome-list", "invalid"]),
        line(keyword(["persona"]) + r"\s*(" + IDENTIFIER + ")?", {1: other, 2: "entity.name.type.persona" + s},
             ["comment", "string-persona", "invalid"]),
        line(keyword(["role", "context"]), {1: other}, ["comment", "string-persona", "invalid"]),
        line(keyword(["stage"]) + r"\s*(" + IDENTIFIER + ")?", {1: other, 2: "entity.name.function.stage" + s},
             ["comment", "string-plain", "invalid"]),
        line(keyword(["flow"]) + r"\s*(" + IDENTIFIER + ")?", {1: other, 2: "entity.name.function.flow" + s},
             ["comment", "string-plain", "invalid"]),
        line(keyword(["goal", "tip", "why", "say", "feedback"]), {1: other}, ["comment", "string-shown", "invalid"]),
        line(keyword(["exit"]) + r"(?:\s+" + keyword(["when"]) + ")?", {1: control, 2: control},
             ["comment", "compared-string", "string-shown"] + expression_core),
        line(keyword(["ask"]) + r"\s*(" + IDENTIFIER + ")?", {1: other, 2: "variable.other.question" + s},
             ["comment", "string-shown", "answer-type", "range", "number", "invalid"]),
        line(keyword(["buyer"]), {1: other}, ["comment", "string-shown", "persona-id", "invalid"]),
        line(keyword(["set"]) + r"\s*(?:" + keyword(["score"]) + "|(" + IDENTIFIER + "))?",
             {1: other, 2: "variable.language.score" + s, 3: "variable.other" + s}, ["assignment", "expression"]),
        line(keyword(["if"]), {1: control}, ["jump", "expression"]),
        line(keyword(["else"]) + r"(?:\s+" + keyword(["if"]) + ")?", {1: control, 2: control}, ["jump", "expression"]),
        line(keyword(["call"]) + r"\s*(" + IDENTIFIER + ")?", {1: control, 2: "entity.name.function.flow" + s},
             ["comment", "invalid"]),
        line(keyword(["return"]), {1: control}, ["comment", "invalid"]),
        line(keyword(["end"]) + r"\s*(" + IDENTIFIER + ")?", {1: control, 2: "constant.other.outcome" + s},
             ["comment", "string-shown", "invalid"]),
        # Under an option: `score +3`, `best`.
        line(keyword(["score"]), {1: other}, ["comment", "sign", "number", "invalid"]),
        line(keyword(["best"]), {1: other}, ["comment", "invalid"]),
        # A branch of a yes/no question: `no -> end lost "..."`, or `yes` over a block.
        line(keyword(["yes", "no"]), {1: "constant.language.boolean" + s}, ["comment", "jump", "invalid"]),
        # An option of a choice question: `"Price" -> objection`, or the string over a block.
        line('(?=")', {}, ["comment", "string-plain", "jump", "invalid"]),
        {"include": "#jump"},
        # A line that starts with no word of the language (a mistake the checker names).
        {"include": "#expression"},
    ]
    return {
        "$schema": "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json",
        "name": "Playbook",
        "scopeName": "source.playbook",
        "fileTypes": ["playbook"],
        "patterns": lines,
        "repository": repository,
    }


def scenarios_grammar():
    s = ".playbook-scenarios"
    word_end = SCENARIO_WORD_END
    # A line's first word is a keyword unless `=` follows it: `expect = yes` answers a question
    # named `expect` (ScenarioParser).
    not_assigned = r"(?!\s*=)"
    repository = {
        "comment": {
            "name": "comment.line.number-sign" + s,
            "match": "(#).*$",
            "captures": {"1": {"name": "punctuation.definition.comment" + s}},
        },
        "string": {
            "name": "string.quoted.double" + s,
            "begin": '"',
            "beginCaptures": {"0": {"name": "punctuation.definition.string.begin" + s}},
            "end": '(")|$',
            "endCaptures": {"1": {"name": "punctuation.definition.string.end" + s}},
            "patterns": [
                {"name": "constant.character.escape" + s, "match": r'\\["\\{}nt]'},
                {"name": "invalid.illegal.escape" + s, "match": r"\\."},
            ],
        },
        "values": {
            "patterns": [
                {"include": "#comment"},
                {"include": "#string"},
                {"name": "punctuation.separator.comma" + s, "match": ","},
                {"name": "constant.language.boolean" + s, "match": "(?:" + "|".join(SCENARIO_YES_NO) + ")" + word_end},
                {"name": "constant.numeric" + s, "match": "-?" + NUMBER + word_end},
                {"name": "string.unquoted" + s, "match": SCENARIO_WORD},
                # A second `=` (PB0705).
                {"name": "invalid.illegal.character" + s, "match": r"\S"},
            ]
        },
        "rest-invalid": {
            "patterns": [{"include": "#comment"}, {"name": "invalid.illegal.character" + s, "match": r"\S"}]
        },
    }
    lines = [
        {"include": "#comment"},
        line("(scenario)" + word_end + not_assigned, {1: "keyword.other.scenario" + s},
             ["comment", "string", "rest-invalid"]),
        line(r"(expect)\s+(not)\s+(stage)" + word_end + r"(?:\s*(" + SCENARIO_WORD + "))?",
             {1: "keyword.other.expect" + s, 2: "keyword.operator.logical" + s, 3: "keyword.other.stage" + s,
              4: "entity.name.function.stage" + s}, ["rest-invalid"]),
        line(r"(expect)\s+(stage|blocked)" + word_end + not_assigned + r"(?:\s*(" + SCENARIO_WORD + "))?",
             {1: "keyword.other.expect" + s, 2: "keyword.other.stage" + s, 3: "entity.name.function.stage" + s},
             ["rest-invalid"]),
        line(r"(expect)\s+(" + SCENARIO_WORD + r")\s*(=)",
             {1: "keyword.other.expect" + s, 2: "variable.other" + s, 3: "keyword.operator.assignment" + s}, ["values"]),
        line("(expect)" + word_end + not_assigned + r"(?:\s*(" + SCENARIO_WORD + "))?",
             {1: "keyword.other.expect" + s, 2: "constant.other.outcome" + s}, ["rest-invalid"]),
        line("(" + SCENARIO_WORD + r")\s*(=)", {1: "variable.other.question" + s, 2: "keyword.operator.assignment" + s},
             ["values"]),
        {"include": "#string"},
    ]
    return {
        "$schema": "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json",
        "name": "Playbook scenarios",
        "scopeName": "source.playbook-scenarios",
        "fileTypes": ["scenarios"],
        "patterns": lines,
        "repository": repository,
    }


def rendered():
    """Each grammar file's path (relative to editors/) and its text."""
    texts = {
        "playbook.tmLanguage.json": json.dumps(playbook_grammar(), indent=2, ensure_ascii=False) + "\n",
        "scenarios.tmLanguage.json": json.dumps(scenarios_grammar(), indent=2, ensure_ascii=False) + "\n",
    }
    return {**texts, **{os.path.join("vscode", "syntaxes", name): text for name, text in texts.items()}}


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    for path, text in rendered().items():
        os.makedirs(os.path.dirname(os.path.join(here, path)), exist_ok=True)
        with open(os.path.join(here, path), "w", encoding="utf-8") as file:
            file.write(text)
        print("wrote editors/" + path)
