/// The files `playbook serve` sends at `/static/app.css` and `/static/app.js`: every page's look
/// and its keyboard shortcuts. They are constants, so the binary carries them and the pages need
/// nothing from elsewhere.
public enum WebAssets {
    /// The style sheet: calm and readable on a phone and a laptop; taps of at least 44 px, text
    /// at 4.5:1 contrast or more, a focus ring on everything focusable, and logical properties
    /// only (`margin-inline-start`, `inset-inline-start`), so a Hebrew page mirrors itself.
    public static let css = """
        :root {
          --ink: #1f2933; --muted: #4a5664; --rule: #d3dce6; --paper: #ffffff; --page: #f4f6f9;
          --accent: #1f4f99; --accent-soft: #e7eef9; --focus: #c2410c;
          --good: #1b6a31; --good-soft: #e6f2e9; --bad: #a3221a; --bad-soft: #fbeceb;
          --other: #7a5200; --other-soft: #fbf2df;
          --radius: 10px;
        }
        * { box-sizing: border-box; }
        /* The script hides and shows with the attribute; a class's display must not undo it. */
        [hidden] { display: none !important; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; background: var(--page); color: var(--ink);
          font: 17px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Hebrew", "Noto Sans Thai",
            "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", Arial, sans-serif; }
        :lang(th) body, body:lang(th) { line-height: 1.75; }
        main, .top { max-width: 46rem; margin-inline: auto; padding-inline: 1rem; }
        main { padding-block-end: 3rem; }
        h1 { font-size: 1.6rem; line-height: 1.25; margin-block: .25rem .35rem; }
        h2 { font-size: 1.2rem; line-height: 1.35; margin-block: 1.5rem .6rem; }
        h3 { font-size: 1.05rem; margin-block: 1.25rem .4rem; }
        p { margin-block: .4rem; }
        a { color: var(--accent); text-underline-offset: .15em; }
        :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 4px; }
        .vh { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
        .skip { position: absolute; inset-inline-start: 1rem; inset-block-start: -3rem; background: var(--paper); padding: .5rem 1rem; z-index: 20; }
        .skip:focus { inset-block-start: .5rem; }
        .quiet, .empty, .hint { color: var(--muted); }
        .quiet { font-size: .92rem; }

        /* The header: where the rep is. */
        .top { padding-block: 1rem .5rem; }
        .crumb { margin: 0; font-size: .95rem; }
        .meta { color: var(--muted); margin-block: 0 .75rem; }
        .badge { display: inline-block; background: var(--accent); color: #fff; border-radius: 999px; padding: 0 .65rem; font-size: .85rem; font-weight: 600; }
        .stages { list-style: none; display: flex; gap: 4px; margin: .5rem 0 0; padding: 0; }
        .stages li { flex: 1 1 0; min-inline-size: 0; font-size: .8rem; color: var(--muted); }
        .stages li::before { content: ""; display: block; block-size: 8px; border-radius: 4px; background: var(--rule); margin-block-end: .3rem; }
        .stages .done::before { background: #7f9dcb; }
        .stages .current::before { background: var(--accent); }
        .stages .current { color: var(--ink); font-weight: 650; }
        .stages .label { display: block; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
        .stages .done .label::before { content: "✓ "; }

        /* The stage, and what the turn showed. */
        .stage h2 { margin-block-start: .75rem; }
        .goal { font-size: 1.05rem; }
        .tips { list-style: none; padding: 0; margin: .4rem 0; color: var(--muted); font-size: .95rem; }
        .tips li { margin-block: .25rem; }
        .label { font-weight: 600; }
        .feed > * { margin-block: .75rem; }
        .say { background: var(--accent-soft); border-inline-start: 5px solid var(--accent); border-radius: var(--radius); padding: .6rem 1rem; }
        .say .label { margin: 0; color: var(--accent); font-size: .85rem; text-transform: uppercase; letter-spacing: .04em; }
        .say .line { margin: .15rem 0 0; font-size: 1.15rem; font-weight: 500; }
        figure.buyer { margin: .75rem 0; background: var(--paper); border: 1px solid var(--rule); border-radius: var(--radius); padding: .6rem 1rem; }
        figure.buyer figcaption { font-weight: 600; font-size: .9rem; color: var(--muted); }
        /* Quoted, not slanted: Thai, Chinese and Hebrew have no italics, only a browser's forgery of them. */
        figure.buyer blockquote { margin: .2rem 0 0; font-size: 1.1rem; }
        figure.buyer blockquote p { margin: 0; }
        figure.buyer blockquote p::before { content: open-quote; }
        figure.buyer blockquote p::after { content: close-quote; }
        .persona { border: 1px dashed var(--accent); border-radius: var(--radius); padding: .6rem 1rem; background: var(--paper); }
        .persona .who { font-weight: 650; margin: 0; }
        .persona .context { color: var(--muted); margin-block-end: 0; }
        .problem, .unmet, .fault { border-inline-start: 5px solid var(--bad); background: var(--bad-soft); border-radius: var(--radius); padding: .6rem 1rem; }
        .problem { font-weight: 600; }
        .message { background: var(--paper); border-radius: var(--radius); padding: .5rem 1rem; }
        .message.quiet, .chosen { background: none; padding-block: 0; color: var(--muted); }
        .feedback { border-inline-start: 5px solid var(--other); background: var(--other-soft); border-radius: var(--radius); padding: .5rem 1rem; }
        .feedback.best { border-color: var(--good); background: var(--good-soft); }
        .feedback p { margin-block: .2rem; }
        .feedback .points { font-weight: 700; font-variant-numeric: tabular-nums; }
        .feedback.best .points { color: var(--good); }
        .feedback.other .points { color: var(--other); }
        .outcome { border-radius: var(--radius); padding: .5rem 1rem; border: 2px solid var(--other); background: var(--other-soft); }
        .outcome h2 { margin-block: .2rem; color: var(--other); }
        .outcome.good { border-color: var(--good); background: var(--good-soft); }
        .outcome.good h2 { color: var(--good); }
        .outcome.bad { border-color: var(--bad); background: var(--bad-soft); }
        .outcome.bad h2 { color: var(--bad); }
        .summary { background: var(--paper); border: 1px solid var(--rule); border-radius: var(--radius); padding: .25rem 1rem .75rem; }
        .summary .score { font-variant-numeric: tabular-nums; }
        .moves, .review { padding-inline-start: 1.25rem; }
        .moves li, .review li { margin-block: .6rem; }
        .move { font-weight: 600; margin-block-end: .2rem; }
        .where p, .help p { margin-block: .2rem; }
        .where, .help { background: var(--paper); border-radius: var(--radius); padding: .5rem 1rem; }
        .definitions { background: var(--paper); border-radius: var(--radius); padding: .5rem 1rem; margin: .75rem 0; }
        .definitions dt { font-weight: 650; }
        .definitions dd { margin: 0 0 .4rem; }

        /* A glossary word: its definition under it on hover, on focus and so on a tap. */
        .term { position: relative; text-decoration: underline dotted; text-underline-offset: .2em; cursor: help; }
        .term:hover::after, .term:focus::after { content: attr(title); position: absolute; z-index: 10; inset-inline-start: 0;
          inset-block-start: calc(100% + 4px); inline-size: max-content; max-inline-size: min(20rem, 80vw); padding: .45rem .7rem;
          background: var(--ink); color: #fff; border-radius: 6px; font: 400 .9rem/1.4 system-ui, sans-serif; font-style: normal;
          text-align: start; white-space: normal; box-shadow: 0 2px 8px rgba(0, 0, 0, .25); }

        /* The question. */
        .question, .confirm, .finished, .card { background: var(--paper); border-radius: var(--radius); padding: .5rem 1.25rem 1rem;
          box-shadow: 0 1px 3px rgba(16, 42, 67, .14); margin-block: 1rem; }
        .question .q { font-size: 1.3rem; margin-block: .75rem; }
        button, .button { font: inherit; font-size: 1rem; min-block-size: 2.9rem; padding: .5rem 1.1rem; border-radius: 8px;
          border: 1px solid #8895a4; background: var(--paper); color: var(--ink); cursor: pointer; text-decoration: none;
          display: inline-flex; align-items: center; justify-content: center; gap: .5rem; }
        button:hover, .button:hover { background: #eef1f5; }
        button[disabled] { color: #59636f; border-color: var(--rule); background: #f0f2f5; cursor: not-allowed; }
        .primary { background: var(--accent); border-color: var(--accent); color: #fff; font-weight: 600; }
        .primary:hover { background: #173d78; }
        .danger { background: var(--bad); border-color: var(--bad); color: #fff; font-weight: 600; }
        .danger:hover { background: #7f1a14; }
        .yesno, .scale, .actions, .row { display: flex; flex-wrap: wrap; gap: .6rem; }
        .yesno button { min-inline-size: 8rem; font-size: 1.1rem; }
        .scale button { min-inline-size: 3.2rem; font-size: 1.1rem; font-variant-numeric: tabular-nums; }
        .options { list-style: none; margin: 0; padding: 0; display: grid; gap: .5rem; }
        .option { inline-size: 100%; justify-content: flex-start; text-align: start; padding-block: .65rem; }
        .option .n { flex: none; display: inline-grid; place-items: center; inline-size: 1.8rem; block-size: 1.8rem; border-radius: 50%;
          background: var(--accent-soft); color: var(--accent); font-weight: 700; font-size: .9rem; }
        .option:hover .n { background: var(--accent); color: #fff; }
        .field { display: grid; gap: .3rem; margin-block: .75rem; }
        .field label { font-weight: 600; }
        input[type="text"], textarea, select { font: inherit; inline-size: 100%; min-block-size: 2.9rem; padding: .5rem .7rem;
          border: 1px solid #7b8794; border-radius: 8px; background: var(--paper); color: var(--ink); }
        textarea { resize: vertical; }
        textarea[readonly] { background: #f8fafc; font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .92rem; }
        [aria-invalid="true"] { border-color: var(--bad); border-width: 2px; }
        details.coach { margin-block: .6rem; }
        summary { cursor: pointer; color: var(--accent); font-weight: 600; padding-block: .6rem; }
        details.coach p { margin-block: .2rem .5rem; padding-inline-start: 1rem; border-inline-start: 3px solid var(--rule); }

        /* The rep's other moves. */
        .tools { margin-block: 1.25rem; }
        .inline { display: inline; margin: 0; }
        details.end { margin-block: .75rem; background: var(--paper); border-radius: var(--radius); padding: 0 1rem; border: 1px solid var(--rule); }
        details.end[open] { padding-block-end: .75rem; }
        .confirm-step { border-block-start: 1px solid var(--rule); margin-block-start: .75rem; padding-block-start: .25rem; }
        .confirm-text { font-weight: 650; font-size: 1.1rem; }
        .confirm h2 { color: var(--bad); }
        .notes { margin-block-start: 1.5rem; }
        .notes ul { padding-inline-start: 1.25rem; }
        .keys { margin-block: 1.5rem; color: var(--muted); font-size: .95rem; }
        .keys ul { padding-inline-start: 1.25rem; }

        /* Home, start and transcript. */
        .notice { background: var(--accent-soft); border-radius: var(--radius); padding: .6rem 1rem; }
        .playbooks { list-style: none; padding: 0; display: grid; gap: .6rem; }
        .playbook { display: block; background: var(--paper); border-radius: var(--radius); padding: .75rem 1rem; text-decoration: none;
          color: var(--ink); border: 1px solid var(--rule); min-block-size: 2.9rem; }
        .playbook:hover { border-color: var(--accent); }
        .playbook .name { display: block; font-weight: 650; color: var(--accent); font-size: 1.1rem; }
        .playbook .facts { color: var(--muted); font-size: .9rem; }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; inline-size: 100%; font-size: .92rem; background: var(--paper); border-radius: var(--radius); }
        th, td { padding: .45rem .6rem; border-block-end: 1px solid var(--rule); text-align: start; vertical-align: middle; }
        th { color: var(--muted); font-weight: 600; font-size: .82rem; }
        body.home main, body.home .top { max-width: 68rem; }
        .sessions td:first-child, .sessions td:nth-child(2) { white-space: nowrap; }
        .status { white-space: nowrap; }
        .status-open, .status-paused, .status-interrupted { color: var(--other); font-weight: 600; }
        .status-faulted { color: var(--bad); font-weight: 600; }
        .choices { border: 0; padding: 0; margin: .75rem 0; }
        .choices legend { font-weight: 600; padding: 0; margin-block-end: .3rem; }
        .choice { display: flex; align-items: flex-start; gap: .6rem; padding: .35rem 0; }
        .choice input { inline-size: 1.3rem; block-size: 1.3rem; margin-block-start: .2rem; flex: none; }
        .choice label { flex: 1; }
        .choice .role, .choice .context { color: var(--muted); }
        .choice .context { display: block; font-size: .92rem; }
        .answers div { padding-block: .4rem; border-block-end: 1px solid var(--rule); }
        .answers dt { color: var(--muted); }
        .answers dd { margin: 0; font-weight: 600; }
        .answers .note, .log .note { font-weight: 400; color: var(--muted); }
        .log { list-style: none; padding-inline-start: .9rem; border-inline-start: 3px solid var(--rule); }
        .log li { margin-block: .35rem; }
        .log .label { color: var(--muted); }
        .log .a { font-weight: 600; }
        .log .revised { color: var(--muted); }
        .log .fault, .log .unmet { color: var(--bad); }

        @media (max-width: 40rem) {
          body { font-size: 16px; }
          .stages .label { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%); }
          .stages .current .label { position: static; inline-size: auto; block-size: auto; clip-path: none; }
          .stages li { flex: 1 1 0; }
          .stages .current { flex: 4 1 0; }
          .yesno button { flex: 1 1 0; min-inline-size: 0; }
          .sessions thead { display: none; }
          .sessions, .sessions tbody, .sessions tr, .sessions td { display: block; }
          .sessions tr { border-block-end: 1px solid var(--rule); padding-block: .5rem; }
          .sessions td { border: 0; padding: .1rem .6rem; }
          .sessions td[data-label]:not(:empty)::before { content: attr(data-label) ": "; color: var(--muted); font-size: .85rem; }
          .sessions td[data-label]:empty { display: none; }
        }
        @media print {
          .tools, .notes form, .keys, .skip, .crumb, details.coach { display: none; }
          .question, .confirm, .finished, .card { box-shadow: none; }
        }

        """

    /// The keyboard shortcuts and the end-the-deal confirmation. The page works without it: every
    /// control is a plain form button, and the server confirms an end by itself.
    public static let js = """
        (function () {
          "use strict";
          // A key means a letter only when the rep is not typing it into a field.
          function typing(element) {
            if (!element) return false;
            var tag = element.tagName;
            if (tag === "TEXTAREA" || tag === "SELECT" || element.isContentEditable) return true;
            return tag === "INPUT" && !/^(button|submit|reset|checkbox|radio|hidden)$/i.test(element.type);
          }
          function visible(element) { return element.getClientRects().length > 0; }
          // The control a key presses: one in an open confirmation first, else the first shown.
          function target(key) {
            var all = document.querySelectorAll('[data-key~="' + key + '"]');
            var found = null;
            for (var i = 0; i < all.length; i++) {
              var element = all[i];
              if (element.disabled || !visible(element)) continue;
              if (element.closest(".confirm-step")) return element;
              if (!found) found = element;
            }
            return found;
          }
          function press(key) {
            var element = target(key);
            if (!element) return false;
            element.click();
            return true;
          }
          // The physical key as a letter or digit, for layouts that type another script (Hebrew, Thai).
          function physical(event) {
            var match = /^(?:Key([A-Z])|Digit([0-9])|Numpad([0-9]))$/.exec(event.code || "");
            return match ? (match[1] || match[2] || match[3]).toLowerCase() : "";
          }
          var keys = document.getElementById("keys");
          if (keys) keys.hidden = false;

          document.addEventListener("keydown", function (event) {
            if (event.defaultPrevented || event.isComposing) return;
            var focused = document.activeElement;
            if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && focused && focused.tagName === "TEXTAREA" && focused.form) {
              event.preventDefault();
              if (focused.form.requestSubmit) focused.form.requestSubmit(); else focused.form.submit();
              return;
            }
            if (typing(focused)) return;
            if (event.altKey && event.key === "ArrowLeft") {
              if (press("b")) event.preventDefault();
              return;
            }
            if (event.ctrlKey || event.metaKey || event.altKey) return;
            if (event.key === "?") {
              if (keys) { keys.open = !keys.open; if (keys.open) keys.scrollIntoView({ block: "nearest" }); }
              event.preventDefault();
              return;
            }
            if (event.key === "Enter") {
              // Enter on a button, a link or a disclosure does what it does by itself.
              if (focused && focused !== document.body && focused.matches("a, button, summary, [tabindex]")) return;
              if (press("enter")) event.preventDefault();
              return;
            }
            var key = (event.key || "").toLowerCase();
            if (key.length === 1 && (target(key) || !physical(event))) {
              if (press(key)) event.preventDefault();
            } else if (press(physical(event))) {
              event.preventDefault();
            }
          });

          // Ending the deal: asked here first, then sent with confirmed=yes so the server ends it at once.
          var forms = document.querySelectorAll("form[data-confirm]");
          Array.prototype.forEach.call(forms, function (form) {
            var step = form.querySelector(".confirm-step");
            var first = form.querySelector(".first-step");
            var text = form.querySelector(".confirm-text");
            var cancel = form.querySelector(".cancel-step");
            if (!step || !first || !text || !cancel) return;
            form.addEventListener("submit", function (event) {
              if (event.submitter && event.submitter.name === "confirmed") return;
              event.preventDefault();
              var select = form.querySelector("select");
              var outcome = select && select.selectedIndex >= 0 ? select.options[select.selectedIndex].value : "";
              var reason = form.querySelector("input[name=reason]");
              if (reason && reason.value.trim()) outcome += " · " + reason.value.trim();
              text.textContent = form.getAttribute("data-confirm").replace("{1}", function () { return outcome; });
              first.hidden = true;
              step.hidden = false;
              // Focus on the way that loses nothing, as the server's confirmation does.
              cancel.focus();
            });
            cancel.addEventListener("click", function () {
              step.hidden = true;
              first.hidden = false;
              var button = first.querySelector("button");
              if (button) button.focus();
            });
          });
        })();

        """
}
