#!/usr/bin/env python3
"""Walks one whole deal of a playbook in a real browser (headless Chromium, driven by Selenium
through chromium-driver) against `playbook serve`, as a rep would: options clicked, a number out
of its range refused, back, a refresh in the middle, the server killed (SIGKILL) and started
again, the deal resumed and finished.

It prints one JSON object: the session id, the lines a rep would type in `playbook run` for the
same answers (the test replays them there and compares the two records), and what it saw.
Used by BrowserWalkTests; run by hand with --help.
"""
import argparse
import json
import os
import signal
import subprocess
import sys
import time

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

TEXT_ANSWER = "Budget approved in March"


class Server:
    """`playbook serve` as a child process; started again on the same port after a kill."""

    def __init__(self, binary, playbook, sessions, port=0):
        self.binary, self.playbook, self.sessions = binary, playbook, sessions
        self.port = port
        self.start()

    def start(self):
        self.process = subprocess.Popen(
            [self.binary, "serve", self.playbook, "--sessions", self.sessions, "--port", str(self.port)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.time() + 30
        while time.time() < deadline:
            line = self.process.stdout.readline()
            if not line:
                raise SystemExit("serve ended before printing its address: " + self.process.stderr.read())
            if "http://" in line:
                self.address = line.strip()
                self.port = int(self.address.split(":")[2].split("/")[0])
                return
        raise SystemExit("serve printed no address in 30 s")

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=30)


def browser():
    options = Options()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1100,1500"):
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def press(driver, element):
    """Clicks a button or link and waits for the page it leads to."""
    page = driver.find_element(By.TAG_NAME, "html")
    element.click()

    def gone(_):
        # Chromium answers for a node of a page left behind with a stale-element error, or
        # (at times) with an inspector error that the node is in no document: both mean gone.
        try:
            page.is_enabled()
            return False
        except WebDriverException:
            return True

    WebDriverWait(driver, 30).until(gone)


def one(driver, selector):
    found = driver.find_elements(By.CSS_SELECTOR, selector)
    return found[0] if found else None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--playbook", required=True)
    parser.add_argument("--sessions", required=True)
    parser.add_argument("--rep", default="Dana")
    parser.add_argument("--deal", default="Acme")
    parser.add_argument("--screenshot", help="a PNG of the walk, taken at its question --shot-at")
    parser.add_argument("--shot-at", type=int, default=3, help="which question the screenshot shows (default 3)")
    parser.add_argument("--practice", action="store_true", help="a practice run: the first persona, feedback held to the end")
    parser.add_argument("--max-steps", type=int, default=200)
    args = parser.parse_args()

    server = Server(args.binary, args.playbook, args.sessions)
    driver = browser()
    lines, seen = [], {"problem": None, "dir": None, "lang": None, "killed": False, "refreshed": False, "back": False}
    try:
        driver.get(server.address)
        seen["dir"] = driver.find_element(By.TAG_NAME, "html").get_attribute("dir")
        seen["lang"] = driver.find_element(By.TAG_NAME, "html").get_attribute("lang")
        press(driver, driver.find_element(By.CSS_SELECTOR, "a[href^='/start?playbook=']"))
        mode = "practice" if args.practice else "run"
        form = driver.find_element(By.CSS_SELECTOR, f"form input[name=mode][value={mode}]").find_element(By.XPATH, "./ancestor::form")
        form.find_element(By.NAME, "rep").send_keys(args.rep)
        if args.practice:
            form.find_element(By.CSS_SELECTOR, "label[for=feedback-end]").click()
        else:
            form.find_element(By.NAME, "deal").send_keys(args.deal)
        press(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
        if "/walk/" not in driver.current_url:
            raise SystemExit("starting the deal led to " + driver.current_url + ": " + driver.page_source[:800])
        session = driver.current_url.split("/walk/")[1].split("?")[0]
        questions = 0
        for _ in range(args.max_steps):
            if one(driver, "section.finished"):
                break
            confirm = one(driver, "button[name=action][value=confirm-end]")
            if confirm:
                press(driver, confirm)
                lines.append("yes")
                continue
            answer = one(driver, "form.answer")
            if answer is None:
                # An unmet exit criterion: the deal ends with the first outcome offered.
                end = one(driver, "details.end")
                if end is None:
                    raise SystemExit("a page with no question, no end and no outcome: " + driver.find_element(By.TAG_NAME, "main").text[:1500])
                if end.get_attribute("open") is None:
                    end.find_element(By.TAG_NAME, "summary").click()
                outcome = end.find_element(By.CSS_SELECTOR, "select[name=outcome] option").get_attribute("value")
                end.find_element(By.CSS_SELECTOR, "button.danger[type=submit]").click()
                # With the page's script the confirmation is asked in the page.
                press(driver, end.find_element(By.CSS_SELECTOR, "button[name=confirmed][value=yes]"))
                lines += ["end " + outcome, "yes"]
                continue
            questions += 1
            if questions == args.shot_at and args.screenshot:
                driver.save_screenshot(args.screenshot)
            if questions == 3 and not seen["refreshed"]:
                driver.refresh()
                seen["refreshed"] = True
                answer = driver.find_element(By.CSS_SELECTOR, "form.answer")
            if questions == 5 and not seen["killed"]:
                # SIGKILL: no pause is written; the next page load resumes from the record.
                server.kill()
                server.start()
                driver.refresh()
                seen["killed"] = True
                answer = driver.find_element(By.CSS_SELECTOR, "form.answer")
            options = answer.find_elements(By.CSS_SELECTOR, "button[name=option]")
            yes = answer.find_elements(By.CSS_SELECTOR, "button[name=value][value=yes]")
            scale = answer.find_elements(By.CSS_SELECTOR, "div.scale button[name=value]")
            field = answer.find_elements(By.CSS_SELECTOR, "input[name=value]")
            box = answer.find_elements(By.CSS_SELECTOR, "textarea[name=value]")
            if options:
                press(driver, options[0])
                lines.append("1")
            elif yes:
                press(driver, yes[0])
                lines.append("yes")
            elif scale:
                value = scale[-1].get_attribute("value")
                press(driver, scale[-1])
                lines.append(value)
            elif field:
                if seen["problem"] is None:
                    # Far out of any range a playbook gives: refused, with the range said (or,
                    # for a number with no range, taken).
                    field[0].send_keys("99999999")
                    press(driver, answer.find_element(By.CSS_SELECTOR, "button[type=submit]"))
                    lines.append("99999999")
                    problem = one(driver, "p.problem[role=alert]")
                    if problem is None:
                        continue
                    seen["problem"] = problem.text
                    answer = driver.find_element(By.CSS_SELECTOR, "form.answer")
                    field = answer.find_elements(By.CSS_SELECTOR, "input[name=value]")
                    field[0].clear()
                label = answer.find_element(By.CSS_SELECTOR, "label[for=answer]").text
                value = low_of(label)
                field[0].send_keys(value)
                press(driver, answer.find_element(By.CSS_SELECTOR, "button[type=submit]"))
                lines.append(value)
            elif box:
                box[0].send_keys(TEXT_ANSWER)
                press(driver, answer.find_element(By.CSS_SELECTOR, "button[type=submit]"))
                lines.append(TEXT_ANSWER)
            else:
                raise SystemExit("a question with no control: " + answer.get_attribute("outerHTML")[:400])
            if questions == 2 and not seen["back"]:
                back = driver.find_element(By.CSS_SELECTOR, "form input[name=action][value=back]").find_element(By.XPATH, "./ancestor::form")
                press(driver, back.find_element(By.CSS_SELECTOR, "button[type=submit]"))
                lines.append("back")
                seen["back"] = True
        else:
            raise SystemExit(f"the deal did not end in {args.max_steps} steps")
        seen["outcome"] = driver.find_element(By.CSS_SELECTOR, "main").text[-2000:]
        summary = one(driver, "section.summary")
        seen["summary"] = summary.text if summary else None
    finally:
        driver.quit()
        status = server.stop() if server.process.poll() is None else None
    print(json.dumps({"session": session, "lines": lines, "seen": seen, "serverExit": status}, ensure_ascii=False))


def low_of(label):
    """The smallest number the field's label allows ("from 1 to 10"): the first number in it."""
    digits = ""
    for character in label:
        if character.isdigit():
            digits += character
        elif digits:
            break
    return digits or "1"


if __name__ == "__main__":
    main()
