#!/usr/bin/env python3
"""Speaks LSP to `playbook lsp` for bench/lsp.sh and prints what it measured.

    lsp_driver.py BINARY SMALL_PLAYBOOK LARGE_PLAYBOOK [--changes N] [--edits N]

(a) SMALL_PLAYBOOK (~2,000 lines) is opened, then N one-line changes are sent one at a time as
    incremental didChange: the time from writing a change to reading the publishDiagnostics of
    its version, median and p99.
(b) --edits more such edits, each waited for; the server's VmRSS every 1,000 edits.
(c) LARGE_PLAYBOOK (50,000 stages) is opened: the time from writing the didOpen to reading its
    publishDiagnostics.
The last line is one JSON object with the figures, for the script.
"""
import json
import os
import queue
import statistics
import subprocess
import sys
import threading
import time


class Server:
    def __init__(self, binary, root):
        self.process = subprocess.Popen([binary, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=sys.stderr)
        self.messages = queue.Queue()
        self.next_id = 1
        threading.Thread(target=self._read, daemon=True).start()
        self.request("initialize", {"processId": os.getpid(), "rootUri": "file://" + root, "capabilities": {}})
        self.notify("initialized", {})

    def _read(self):
        stream = self.process.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            body = stream.read(length)
            self.messages.put((time.perf_counter(), json.loads(body)))

    @staticmethod
    def frame(message):
        body = json.dumps(message, ensure_ascii=False).encode()
        return b"Content-Length: %d\r\n\r\n" % len(body) + body

    def send(self, message):
        self.write(self.frame(message))

    def write(self, frame):
        self.process.stdin.write(frame)
        self.process.stdin.flush()

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params):
        ident = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": ident, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == ident and "method" not in m)

    def wait(self, matches, timeout=60):
        deadline = time.perf_counter() + timeout
        while True:
            received, message = self.messages.get(timeout=max(0.01, deadline - time.perf_counter()))
            if matches(message):
                return received, message

    def published(self, uri, version):
        return self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                         and m["params"]["uri"] == uri and m["params"].get("version") == version)

    def rss_kib(self):
        with open("/proc/%d/status" % self.process.pid) as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return -1

    def stop(self):
        self.request("shutdown", None)
        self.notify("exit", None)
        return self.process.wait(timeout=30)


def open_document(server, path, version=1):
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    uri = "file://" + os.path.abspath(path)
    # Encoded before the clock starts: the time is the server's, from the first byte written.
    frame = server.frame({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                          "params": {"textDocument": {"uri": uri, "languageId": "playbook", "version": version, "text": text}}})
    start = time.perf_counter()
    server.write(frame)
    received, message = server.published(uri, version)
    return uri, text.split("\n"), received - start, len(message["params"]["diagnostics"])


def one_line_change(lines, index, step):
    """A change of the text of line `index`: the question's words, or a say line's, alternate."""
    old = lines[index]
    new = old.replace("confirm", "agree on") if step % 2 == 0 else old.replace("agree on", "confirm")
    if new == old:
        new = old + " " if step % 2 == 0 else old.rstrip(" ")
    lines[index] = new
    # UTF-16 lengths: the generated playbook is ASCII, so characters are code units.
    return {"range": {"start": {"line": index, "character": 0}, "end": {"line": index, "character": len(old)}}, "text": new}


def main():
    binary, small, large = sys.argv[1:4]
    changes = int(sys.argv[sys.argv.index("--changes") + 1]) if "--changes" in sys.argv else 300
    edits = int(sys.argv[sys.argv.index("--edits") + 1]) if "--edits" in sys.argv else 10000
    server = Server(binary, os.path.dirname(os.path.abspath(small)))
    uri, lines, opened, count = open_document(server, small)
    print("(a) %s: %d lines, opened in %.1f ms, %d diagnostics" % (os.path.basename(small), len(lines), opened * 1000, count))
    asks = [i for i, line in enumerate(lines) if line.lstrip().startswith("ask ")]
    version = 1
    latencies = []
    rss = []
    for step in range(changes + edits):
        version += 1
        change = one_line_change(lines, asks[(step * 7919) % len(asks)], step)
        start = time.perf_counter()
        server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
        received, _ = server.published(uri, version)
        if step < changes:
            latencies.append((received - start) * 1000)
        elif (step - changes) % 1000 == 0 or step == changes + edits - 1:
            rss.append(server.rss_kib())
    latencies.sort()
    median = statistics.median(latencies)
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    print("(a) %d one-line changes to publishDiagnostics: median %.2f ms, p99 %.2f ms, max %.2f ms" % (len(latencies), median, p99, latencies[-1]))
    print("(b) VmRSS every 1,000 of %d edits (KiB): %s" % (edits, " ".join(str(r) for r in rss)))
    big_uri, big_lines, big_open, big_count = open_document(server, large)
    print("(c) %s: %d lines, didOpen to publishDiagnostics %.0f ms, %d diagnostics" % (os.path.basename(large), len(big_lines), big_open * 1000, big_count))
    status = server.stop()
    print("exit status %d" % status)
    print(json.dumps({"median_ms": median, "p99_ms": p99, "rss_kib": rss, "large_open_ms": big_open * 1000, "exit": status}))


if __name__ == "__main__":
    main()
