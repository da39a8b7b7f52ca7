#!/usr/bin/env python3
"""A load client for `playbook serve` (used by bench/serve.sh): SESSIONS reps walk a deal each,
all at once, over keep-alive connections on loopback, answering as fast as the server lets them.
For each answer it times the POST of the form to the end of the next page (the POST, its 303 and
the GET it leads to: what a browser does). It prints one JSON object: the answers acknowledged
per session, the sessions' ids, and the latencies in milliseconds.

    serve_load.py ADDRESS PLAYBOOK_ID SESSIONS [--seconds N] [--think SECONDS]

It never goes past loopback, and stops after --seconds (default 60) whatever happens.
"""
import argparse
import asyncio
import json
import random
import re
import time
import urllib.parse

FIELD = re.compile(r'name="(turn|lease)" value="([^"]*)"')


class Client:
    def __init__(self, host, port, cookie):
        self.host, self.port, self.cookie = host, port, cookie

    async def connect(self):
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)

    async def request(self, method, path, form=None):
        body = urllib.parse.urlencode(form).encode() if form is not None else b""
        head = f"{method} {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\nCookie: {self.cookie}\r\n"
        if method == "POST":
            head += f"Origin: http://{self.host}:{self.port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n"
        self.writer.write((head + "\r\n").encode() + body)
        await self.writer.drain()
        status_line = await self.reader.readline()
        status = int(status_line.split()[1])
        headers = {}
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b"\n", b""):
                break
            name, _, value = line.decode().partition(":")
            headers[name.strip().lower()] = value.strip()
        length = int(headers.get("content-length", "0"))
        content = await self.reader.readexactly(length) if length else b""
        return status, headers, content.decode("utf-8", "replace")


def answer_of(page):
    """The form fields of the first answer the page offers: option 1, yes, a scale's top, a number, a text."""
    if 'name="option" value="1"' in page:
        return {"option": "1"}
    if 'name="value" value="yes"' in page:
        return {"value": "yes"}
    scale = re.findall(r'<div class="scale".*?</div>', page, re.S)
    if scale:
        return {"value": re.findall(r'value="([^"]+)"', scale[0])[-1]}
    if '<input type="text" name="value"' in page:
        label = re.search(r'<label for="answer">([^<]*)</label>', page)
        digits = re.search(r"\d+", label.group(1) if label else "")
        return {"value": digits.group(0) if digits else "1"}
    if '<textarea name="value"' in page:
        return {"value": "Budget approved in March"}
    return None


async def walk(host, port, cookie, playbook, number, deadline, think, latencies, results):
    client = Client(host, port, cookie)
    await client.connect()
    status, headers, _ = await client.request("POST", "/start", {"playbook": playbook, "mode": "run", "rep": f"rep{number % 20}", "deal": f"deal{number}"})
    if status != 303:
        results.append({"error": f"start: {status}"})
        return
    location = headers["location"]
    session = location.split("/walk/")[1].split("?")[0]
    acknowledged = 0
    status, _, page = await client.request("GET", location)
    while time.monotonic() < deadline and "section class=\"finished\"" not in page:
        if think:
            # A rep reads the question and the buyer before answering: half to one and a half times `think`.
            await asyncio.sleep(think * random.uniform(0.5, 1.5))
        fields = dict(FIELD.findall(page))
        answer = answer_of(page)
        if answer is None or "turn" not in fields:
            break
        form = {"turn": fields["turn"], "lease": fields["lease"], "action": "answer", **answer}
        start = time.perf_counter()
        status, headers, _ = await client.request("POST", f"/walk/{session}", form)
        if status != 303:
            results.append({"session": session, "error": f"answer: {status}", "acknowledged": acknowledged})
            return
        status, _, page = await client.request("GET", headers["location"])
        latencies.append((time.perf_counter() - start) * 1000)
        acknowledged += 1
    results.append({"session": session, "acknowledged": acknowledged, "ended": "section class=\"finished\"" in page})
    client.writer.close()


async def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("address")
    parser.add_argument("playbook")
    parser.add_argument("sessions", type=int)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--think", type=float, default=0, help="seconds a rep takes to answer, on average (default 0: at once)")
    args = parser.parse_args()
    parsed = urllib.parse.urlparse(args.address)
    if parsed.hostname not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit("serve_load.py stays on loopback")
    token = urllib.parse.parse_qs(parsed.query)["token"][0]
    cookie = "playbook_token=" + token
    deadline = time.monotonic() + args.seconds
    latencies, results = [], []
    started = time.perf_counter()
    await asyncio.gather(*(walk(parsed.hostname, parsed.port, cookie, args.playbook, n, deadline, args.think, latencies, results) for n in range(args.sessions)))
    print(json.dumps({"seconds": time.perf_counter() - started, "latencies": latencies, "results": results}))


if __name__ == "__main__":
    asyncio.run(main())
