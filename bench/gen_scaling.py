#!/usr/bin/env python3
"""Inputs for bench/scaling.sh: each shape at a size N, written to a folder.

usage: gen_scaling.py SHAPE N FOLDER

shapes (the playbook is FOLDER/SHAPE-N.playbook; answers for `playbook run`, one a line, are
FOLDER/SHAPE-N.answers):
  options    one choice question with N options (the last one chosen when run)
  calls      N flows, each asking a yes/no question that can end the walk and calling the next
  questions  one stage of N yes/no questions, each of which can end the walk
  note       a small playbook, and as answers a `note` of N bytes, then the answer
  longline   a `say` line of N bytes that reads an unknown name at its end (one error)
"""
import os
import sys

HEADER = 'playbook "Scaling"\n  outcomes won, lost\n\n'


def options(n):
    lines = [HEADER, 'stage s "S"\n  ask pick "Pick one" choice\n']
    lines += [f'    "Option {i}"\n' for i in range(n)]
    lines.append('  end won "done"\n')
    return "".join(lines), f"Option {n - 1}\n"


def calls(n):
    lines = [HEADER, 'stage s "S"\n  call f0\n  end won "done"\n\n']
    for i in range(n):
        lines.append(f'flow f{i}\n  ask q{i} "Question {i}?" yes/no\n    no -> end lost "no {i}"\n')
        if i + 1 < n:
            lines.append(f"  call f{i + 1}\n")
        lines.append("  return\n\n")
    return "".join(lines), "yes\n" * n


def questions(n):
    lines = [HEADER, 'stage s "S"\n']
    for i in range(n):
        lines.append(f'  ask q{i} "Question {i}?" yes/no\n    no -> end lost "no {i}"\n')
    lines.append('  end won "done"\n')
    return "".join(lines), "yes\n" * n


def note(n):
    playbook = HEADER + 'stage s "S"\n  ask ok "Ok?" yes/no\n    yes -> end won "w"\n    no -> end lost "l"\n'
    return playbook, "note " + "x" * n + "\nyes\n"


def longline(n):
    return HEADER + 'stage s "S"\n  say "' + "x" * n + ' {nope}"\n  end won "w"\n', ""


def main():
    shape, n, folder = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    playbook, answers = {"options": options, "calls": calls, "questions": questions, "note": note,
                         "longline": longline}[shape](n)
    base = os.path.join(folder, f"{shape}-{n}")
    with open(base + ".playbook", "w", encoding="utf-8") as file:
        file.write(playbook)
    with open(base + ".answers", "w", encoding="utf-8") as file:
        file.write(answers)


if __name__ == "__main__":
    main()
