#!/usr/bin/env python3
"""Checks the TextMate grammars in editors/ with a real TextMate engine.

The engine is babi's (PyPI `babi`, an editor that highlights with VS Code's grammars): its
`babi.highlight` tokenizes line by line as vscode-textmate does, on Oniguruma (through
onigurumacffi), the regular expressions of TextMate and VS Code. It supports what these grammars
use and textmate-grammar-python 0.6.1 does not: a back-reference to `begin` in `end`.

Checks, each failure printed on a line of its own (exit status 1 when there is one):
- the grammar files are what editors/make_grammars.py writes, and the copies in editors/vscode/
  are the same;
- every word of the language (Sources/PlaybookKit/Syntax/Keywords.swift) is in the grammar, and
  the scenario grammar's yes/no words are Answer.byLanguage's first words;
- every line of every shipped playbook and scenario file (playbooks/, docs/examples/) tokenizes
  without an error: no `invalid` scope, every character outside white space has a scope of its
  own, and a line that starts with a word of the language shows it as a keyword;
- the tricky lines below tokenize to exactly the scopes written next to them.

Run from anywhere: python3 Tests/PlaybookKitTests/Editors/grammar_check.py
"""

import glob
import json
import os
import re
import shutil
import sys
import tempfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))
EDITORS = os.path.join(ROOT, "editors")

try:
    from babi.highlight import Grammars, highlight_line
except ImportError:
    print("babi is not installed (python3 -m pip install babi): the grammars cannot be checked")
    sys.exit(2)

# No __pycache__ left in editors/.
sys.dont_write_bytecode = True
sys.path.insert(0, EDITORS)
import make_grammars  # noqa: E402

failures = []


def fail(message):
    failures.append(message)


class Tokenizer:
    """One grammar, tokenizing a file's lines in order (a rule may span lines: a buyer block)."""

    def __init__(self, grammars, scope):
        self.compiler = grammars.compiler_for_scope(scope)

    def lines(self, text):
        """Each line with its tokens: (text, scopes below the root), the line break left out."""
        state = self.compiler.root_state
        result = []
        for index, line in enumerate(text.split("\n")):
            line = line.rstrip("\r")
            state, regions = highlight_line(self.compiler, state, line + "\n", first_line=index == 0)
            tokens = []
            position = 0
            for region in regions:
                if region.start != position:
                    raise AssertionError(f"tokens skip from {position} to {region.start}")
                position = region.end
                end = min(region.end, len(line))
                scopes = tuple(region.scope[1:])
                if region.start < end and tokens and tokens[-1][1] == scopes:
                    # Two matches side by side with the same scopes read as one token.
                    tokens[-1] = (tokens[-1][0] + line[region.start:end], scopes)
                elif region.start < end:
                    tokens.append((line[region.start:end], scopes))
            if position != len(line) + 1:
                raise AssertionError(f"tokens end at {position}, the line at {len(line) + 1}")
            result.append((line, tokens))
        return result


def check_generated():
    for path, text in make_grammars.rendered().items():
        with open(os.path.join(EDITORS, path), encoding="utf-8") as file:
            if file.read() != text:
                fail(f"editors/{path} is not what editors/make_grammars.py writes: run it")


def check_words():
    with open(os.path.join(ROOT, "Sources/PlaybookKit/Syntax/Keywords.swift"), encoding="utf-8") as file:
        words = re.findall(r'intern\("([a-z]+)"\)', file.read())
    if len(words) < 40:
        fail(f"found only {len(words)} words in Keywords.swift")
    with open(os.path.join(EDITORS, "playbook.tmLanguage.json"), encoding="utf-8") as file:
        grammar = json.load(file)
    patterns = []

    def collect(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("match", "begin") and isinstance(value, str):
                    patterns.append(value)
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect(grammar)
    alternatives = set()
    for pattern in patterns:
        alternatives.update(re.findall(r"[a-z]+", pattern))
    for word in words:
        if word not in alternatives:
            fail(f"the word '{word}' of Keywords.swift is in no pattern of the playbook grammar")
    with open(os.path.join(ROOT, "Sources/PlaybookKit/Runtime/Answer.swift"), encoding="utf-8") as file:
        answer = file.read()
    answer = answer[answer.index("static let byLanguage"):answer.index("static let particles")]
    first_words = []
    for yes, no in re.findall(r'"[a-z]+": \(\["([^"]+)"[^]]*\], \["([^"]+)"', answer):
        first_words += [yes, no]
    if sorted(first_words) != sorted(make_grammars.SCENARIO_YES_NO):
        fail(f"the scenario grammar's yes/no words {make_grammars.SCENARIO_YES_NO} are not Answer.byLanguage's first words {first_words}")
    return set(words)


def check_file(tokenizer, path, keywords):
    """Every line of a shipped file tokenizes cleanly; returns the number of lines."""
    with open(path, encoding="utf-8-sig") as file:
        text = file.read()
    name = os.path.relpath(path, ROOT)
    try:
        lines = tokenizer.lines(text)
    except Exception as error:  # the engine's own failure is what this check is for
        fail(f"{name}: the engine failed: {error!r}")
        return 0
    for number, (line, tokens) in enumerate(lines, start=1):
        for token, scopes in tokens:
            if any(scope.startswith("invalid") for scope in scopes):
                fail(f"{name}:{number}: {token!r} is marked {scopes[-1]}")
            if token.strip() and not scopes:
                fail(f"{name}:{number}: {token!r} has no scope")
        words = line.split()
        if words and words[0] in keywords and tokens:
            first = next(scopes for token, scopes in tokens if token.strip())
            if not any(scope.startswith(("keyword.", "constant.language.")) for scope in first):
                fail(f"{name}:{number}: the line starts with '{words[0]}', shown as {first}")
    return len(lines)


# Scopes, shortened in the expectations below.
P = ".playbook"
ABBREVIATIONS = {
    "kw": "keyword.other" + P,
    "ctl": "keyword.control" + P,
    "jump": "keyword.control.jump" + P,
    "str": "string.quoted.double" + P,
    "str<": "string.quoted.double" + P + " punctuation.definition.string.begin" + P,
    "str>": "string.quoted.double" + P + " punctuation.definition.string.end" + P,
    "esc": "string.quoted.double" + P + " constant.character.escape" + P,
    "int{": "string.quoted.double" + P + " meta.interpolation" + P + " punctuation.section.interpolation.begin" + P,
    "int": "string.quoted.double" + P + " meta.interpolation" + P + " variable.other.interpolation" + P,
    "int}": "string.quoted.double" + P + " meta.interpolation" + P + " punctuation.section.interpolation.end" + P,
    "#": "comment.line.number-sign" + P + " punctuation.definition.comment" + P,
    "comment": "comment.line.number-sign" + P,
    "question": "variable.other.question" + P,
    "var": "variable.other" + P,
    "type": "support.type.answer" + P,
    "num": "constant.numeric" + P,
    "range": "keyword.operator.range" + P,
    "bool": "constant.language.boolean" + P,
    "next": "constant.language.next" + P,
    "outcome": "constant.other.outcome" + P,
    "mark(": "punctuation.definition.mark.begin" + P,
    "mark": "constant.language.mark" + P,
    "mark)": "punctuation.definition.mark.end" + P,
    ",": "punctuation.separator.comma" + P,
    "stage": "entity.name.function.stage" + P,
    "target": "entity.name.function.target" + P,
    "persona": "entity.name.type.persona" + P,
    "logic": "keyword.operator.logical" + P,
    "cmp": "keyword.operator.comparison" + P,
    "arith": "keyword.operator.arithmetic" + P,
    "assign": "keyword.operator.assignment" + P,
    "lang": "constant.other.language-code" + P,
    "bad": "invalid.illegal.character" + P,
}

# Each tricky line (lines after the first are its context: a buyer block) and its tokens, white
# space left out: the token's text and its scopes, shortened.
PLAYBOOK_LINES = [
    # en: a `#` in a string is text, the one after it a comment; an interpolation.
    (['say "Room #4: call {contact} now" # not in the string'],
     [("say", "kw"), ('"', "str<"), ("Room #4: call ", "str"), ("{", "int{"), ("contact", "int"), ("}", "int}"),
      (" now", "str"), ('"', "str>"), ("#", "#"), (" not in the string", "comment")]),
    # en: a name that is also a word of the language, escapes, the type at the end.
    (['  ask text "Is \\"text\\" a \\{word\\}?" text'],
     [("ask", "kw"), ("text", "question"), ('"', "str<"), ("Is ", "str"), ('\\"', "esc"), ("text", "str"),
      ('\\"', "esc"), (" a ", "str"), ("\\{", "esc"), ("word", "str"), ("\\}", "esc"), ("?", "str"), ('"', "str>"),
      ("text", "type")]),
    # en: an option label keeps `{name}` as written; a branch to the next stage.
    (['    "Price {x}" -> next'],
     [('"', "str<"), ("Price {x}", "str"), ('"', "str>"), ("->", "jump"), ("next", "next")]),
    # en: a string compared in `exit when` is the expression's; the last one is the message.
    (['  exit when role == "Champion" and not pain "Find the pain first"'],
     [("exit", "ctl"), ("when", "ctl"), ("role", "var"), ("==", "cmp"), ('"', "str<"), ("Champion", "str"),
      ('"', "str>"), ("and", "logic"), ("not", "logic"), ("pain", "var"), ('"', "str<"), ("Find the pain first", "str"),
      ('"', "str>")]),
    # en: `yes` and `no` as values, `score`, arithmetic.
    (['  set deal_size = (team_size - 1) * 120 + score'],
     [("set", "kw"), ("deal_size", "var"), ("=", "assign"), ("(", "punctuation.section.parens.begin" + P),
      ("team_size", "var"), ("-", "arith"), ("1", "num"), (")", "punctuation.section.parens.end" + P), ("*", "arith"),
      ("120", "num"), ("+", "arith"), ("score", "variable.language.score" + P)]),
    (['  if pain != no and tool -> end won "Displacement"'],
     [("if", "ctl"), ("pain", "var"), ("!=", "cmp"), ("no", "bool"), ("and", "logic"), ("tool", "var"),
      ("->", "jump"), ("end", "ctl"), ("won", "outcome"), ('"', "str<"), ("Displacement", "str"), ('"', "str>")]),
    # en: a smart quote is not the language's (PB0115).
    (['say “Hello”'], [("say", "kw"), ("“Hello”", "bad")]),
    # vi: a Unicode name, yes/no, outcome marks.
    (['  ask ngân_sách "Khách hàng đã có ngân sách chưa?" yes/no'],
     [("ask", "kw"), ("ngân_sách", "question"), ('"', "str<"), ("Khách hàng đã có ngân sách chưa?", "str"),
      ('"', "str>"), ("yes/no", "type")]),
    (['  outcomes thắng (win), thua (loss), nuôi_dưỡng'],
     [("outcomes", "kw"), ("thắng", "outcome"), ("(", "mark("), ("win", "mark"), (")", "mark)"), (",", ","),
      ("thua", "outcome"), ("(", "mark("), ("loss", "mark"), (")", "mark)"), (",", ","), ("nuôi_dưỡng", "outcome")]),
    (['stage tình_huống "Tình huống" # giai đoạn đầu'],
     [("stage", "kw"), ("tình_huống", "stage"), ('"', "str<"), ("Tình huống", "str"), ('"', "str>"), ("#", "#"),
      (" giai đoạn đầu", "comment")]),
    # he: a range with a negative bound, a `#` in the string, a trailing comment.
    (['  ask שינוי "שינוי במחיר? #1" number -5..5 # הערה'],
     [("ask", "kw"), ("שינוי", "question"), ('"', "str<"), ("שינוי במחיר? #1", "str"), ('"', "str>"),
      ("number", "type"), ("-5", "num"), ("..", "range"), ("5", "num"), ("#", "#"), (" הערה", "comment")]),
    # he: a buyer block, with a persona's line.
    (['  buyer', '    "המחיר גבוה מדי."', '    דנה "יש לנו {תקציב} בלבד."'],
     [("דנה", "persona"), ('"', "str<"), ("יש לנו ", "str"), ("{", "int{"), ("תקציב", "int"), ("}", "int}"),
      (" בלבד.", "str"), ('"', "str>")]),
    # zh: names in Chinese, an interpolation in an end's reason.
    (['  if 预算 and 规模 >= 10 -> end 成交 "成交：{规模} 人"'],
     [("if", "ctl"), ("预算", "var"), ("and", "logic"), ("规模", "var"), (">=", "cmp"), ("10", "num"), ("->", "jump"),
      ("end", "ctl"), ("成交", "outcome"), ('"', "str<"), ("成交：", "str"), ("{", "int{"), ("规模", "int"), ("}", "int}"),
      (" 人", "str"), ('"', "str>")]),
    (['    no -> 异议处理'], [("no", "bool"), ("->", "jump"), ("异议处理", "target")]),
    # th: names with combining marks (ิ and ่ are Mn), a scale, an outcome with a mark.
    (['  ask ติดต่อได้ "ลูกค้าพร้อมแค่ไหน" scale 1..5'],
     [("ask", "kw"), ("ติดต่อได้", "question"), ('"', "str<"), ("ลูกค้าพร้อมแค่ไหน", "str"), ('"', "str>"),
      ("scale", "type"), ("1", "num"), ("..", "range"), ("5", "num")]),
    (['  outcomes ซื้อ (win), ไม่ซื้อ (loss), ติดตามต่อ'],
     [("outcomes", "kw"), ("ซื้อ", "outcome"), ("(", "mark("), ("win", "mark"), (")", "mark)"), (",", ","),
      ("ไม่ซื้อ", "outcome"), ("(", "mark("), ("loss", "mark"), (")", "mark)"), (",", ","), ("ติดตามต่อ", "outcome")]),
    # th: after a buyer block, a line at the buyer's indentation is a step again.
    (['  buyer', '    ประเสริฐ "ราคาแพงไป"', '  call จัดการข้อโต้แย้ง'],
     [("call", "ctl"), ("จัดการข้อโต้แย้ง", "entity.name.function.flow" + P)]),
    (['  language zh-Hans'], [("language", "kw"), ("zh-Hans", "lang")]),
]

S = ".playbook-scenarios"
SCENARIO_ABBREVIATIONS = {
    "kw": "keyword.other.scenario" + S,
    "expect": "keyword.other.expect" + S,
    "stagekw": "keyword.other.stage" + S,
    "not": "keyword.operator.logical" + S,
    "stage": "entity.name.function.stage" + S,
    "outcome": "constant.other.outcome" + S,
    "question": "variable.other.question" + S,
    "var": "variable.other" + S,
    "=": "keyword.operator.assignment" + S,
    ",": "punctuation.separator.comma" + S,
    "bool": "constant.language.boolean" + S,
    "num": "constant.numeric" + S,
    "word": "string.unquoted" + S,
    "str<": "string.quoted.double" + S + " punctuation.definition.string.begin" + S,
    "str>": "string.quoted.double" + S + " punctuation.definition.string.end" + S,
    "str": "string.quoted.double" + S,
    "esc": "string.quoted.double" + S + " constant.character.escape" + S,
    "#": "comment.line.number-sign" + S + " punctuation.definition.comment" + S,
    "comment": "comment.line.number-sign" + S,
}

SCENARIO_LINES = [
    (['scenario "Room #4 \\"booked\\"" # a comment'],
     [("scenario", "kw"), ('"', "str<"), ("Room #4 ", "str"), ('\\"', "esc"), ("booked", "str"), ('\\"', "esc"),
      ('"', "str>"), ("#", "#"), (" a comment", "comment")]),
    (['  role = "Economic buyer", 2 # an option, then its number'],
     [("role", "question"), ("=", "="), ('"', "str<"), ("Economic buyer", "str"), ('"', "str>"), (",", ","),
      ("2", "num"), ("#", "#"), (" an option, then its number", "comment")]),
    (['  pain = no, yes'], [("pain", "question"), ("=", "="), ("no", "bool"), (",", ","), ("yes", "bool")]),
    (['  ngân_sách = có, không'], [("ngân_sách", "question"), ("=", "="), ("có", "bool"), (",", ","), ("không", "bool")]),
    (['  תקציב = כן'], [("תקציב", "question"), ("=", "="), ("כן", "bool")]),
    (['  预算 = 是'], [("预算", "question"), ("=", "="), ("是", "bool")]),
    (['  อยากรู้เพิ่ม = ใช่'], [("อยากรู้เพิ่ม", "question"), ("=", "="), ("ใช่", "bool")]),
    (['  ตรงกลุ่ม = ไม่ใช่'], [("ตรงกลุ่ม", "question"), ("=", "="), ("ไม่ใช่", "bool")]),
    (['  expect score = -5'], [("expect", "expect"), ("score", "var"), ("=", "="), ("-5", "num")]),
    (['  expect not stage need_payoff'],
     [("expect", "expect"), ("not", "not"), ("stage", "stagekw"), ("need_payoff", "stage")]),
    (['  expect blocked preparation'], [("expect", "expect"), ("blocked", "stagekw"), ("preparation", "stage")]),
    (['  expect thắng'], [("expect", "expect"), ("thắng", "outcome")]),
    # A question named `expect` is answered like any other.
    (['  expect = yes'], [("expect", "question"), ("=", "="), ("yes", "bool")]),
    (['  source = Referral'], [("source", "question"), ("=", "="), ("Referral", "word")]),
]


def check_lines(tokenizer, cases, abbreviations, grammar):
    for context, expected in cases:
        want = [(text, tuple(abbreviations.get(scopes, scopes).split())) for text, scopes in expected]
        _, tokens = tokenizer.lines("\n".join(context))[len(context) - 1]
        got = [(text, scopes) for text, scopes in tokens if text.strip()]
        if got != want:
            shown = "\n".join(f"      {text!r} {' '.join(scopes)}" for text, scopes in got)
            fail(f"{grammar}: {context[-1]!r} tokenizes as\n{shown}")


def main():
    check_generated()
    keywords = check_words()
    folder = tempfile.mkdtemp()
    try:
        # babi finds a grammar by its scope's name, as the file's name.
        shutil.copy(os.path.join(EDITORS, "playbook.tmLanguage.json"), os.path.join(folder, "source.playbook.json"))
        shutil.copy(os.path.join(EDITORS, "scenarios.tmLanguage.json"),
                    os.path.join(folder, "source.playbook-scenarios.json"))
        grammars = Grammars(folder)
        playbook = Tokenizer(grammars, "source.playbook")
        scenarios = Tokenizer(grammars, "source.playbook-scenarios")
    finally:
        shutil.rmtree(folder)
    files = lines = 0
    for pattern, tokenizer in [("*.playbook", playbook), ("*.scenarios", scenarios)]:
        for folder in ["playbooks", "docs/examples"]:
            for path in sorted(glob.glob(os.path.join(ROOT, folder, "**", pattern), recursive=True)):
                files += 1
                lines += check_file(tokenizer, path, keywords if tokenizer is playbook else {"scenario", "expect"})
    if files < 20:
        fail(f"found only {files} shipped files")
    check_lines(playbook, PLAYBOOK_LINES, ABBREVIATIONS, "playbook")
    check_lines(scenarios, SCENARIO_LINES, SCENARIO_ABBREVIATIONS, "scenarios")
    # The first failures are enough to see what is wrong; a broken rule can fail every line.
    for message in failures[:100]:
        print("FAIL " + message)
    if len(failures) > 100:
        print(f"... and {len(failures) - 100} more")
    tricky = len(PLAYBOOK_LINES) + len(SCENARIO_LINES)
    print(f"grammar_check: {files} files, {lines} lines, {tricky} tricky lines: {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
