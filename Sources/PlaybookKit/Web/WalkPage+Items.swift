/// What the latest turn showed, item by item, in the order the runner gave them. The stage's
/// title, goal and tips are in the header and the stage panel, the question in its form and a
/// pending end in its confirmation: those items are not drawn twice.
extension WalkPage {
    mutating func item(_ item: DisplayItem) {
        switch item {
        case .title, .stage, .goal, .tip, .question, .confirmEnd:
            break
        case .say(let line):
            out += "<div class=\"say\"><p class=\"label\">\(h(strings(.say)))</p><p class=\"line\">\(marks.html(line))</p></div>\n"
        case .buyer(let speaker, let line):
            out += "<figure class=\"buyer\"><figcaption>\(h(speaker ?? strings(.buyer)))</figcaption>"
            out += "<blockquote><p>\(marks.html(line))</p></blockquote></figure>\n"
        case .persona(let card):
            let intro = card.role.map { strings(.personaWithRole, card.name, $0) } ?? strings(.personaIntro, card.name)
            out += "<aside class=\"persona\"><p class=\"who\">\(h(intro))</p>"
            if let context = card.context { out += "<p class=\"context\">\(marks.html(context))</p>" }
            out += "</aside>\n"
        case .problem(let text):
            let id = "problem-\(problems.count + 1)"
            problems.append(id)
            out += "<p class=\"problem\" role=\"alert\" id=\"\(id)\">\(WebPage.lines(text))</p>\n"
        case .chosen(let option):
            out += "<p class=\"chosen\">\(h(words(.chosen, option)))</p>\n"
        case .message(let text, let tone):
            out += "<p class=\"message\(tone == .quiet ? " quiet" : "")\">\(WebPage.lines(text))</p>\n"
        case .unmet(let stage, let message, let outcomes):
            out += "<div class=\"unmet\" role=\"alert\"><p><strong>\(h(strings(.unmet, stage, message)))</strong></p>"
            let list = outcomes.joined(separator: ReportWords(language: words.language).listSeparator)
            out += "<p>\(h(words(.unmetWhatToDo, list)))</p></div>\n"
        case .outcome(let name, let reason, let score):
            outcome(name, reason: reason, score: score)
        case .fault(let message, let place):
            out += "<div class=\"fault\" role=\"alert\"><p>\(h(strings(.fault, message, place)))</p></div>\n"
        case .feedback(let feedback):
            self.feedback(feedback)
        case .practiceSummary(let summary):
            practiceSummary(summary)
        case .help(let help):
            guard help.hasQuestion else { break }
            out += "<div class=\"help\">"
            if let why = help.why { out += "<p><strong>\(h(strings(.why) + strings.colon))</strong>\(marks.html(why))</p>" }
            if let tip = help.tip { out += "<p><strong>\(h(strings(.tip) + strings.colon))</strong>\(marks.html(tip))</p>" }
            if help.why == nil, help.tip == nil { out += "<p class=\"quiet\">\(h(strings(.noCoaching)))</p>" }
            out += "</div>\n"
        case .whereNow(let done, let current, let count, let title, let toCome):
            out += "<div class=\"where\">"
            if !done.isEmpty { out += "<p>\(h(strings(.whereDone) + strings.colon + done.joined(separator: ", ")))</p>" }
            let banner = strings(.stageBanner, String(current + 1), String(count), title)
            out += "<p><strong>\(h(strings(.whereNow) + strings.colon + banner))</strong></p>"
            if !toCome.isEmpty { out += "<p>\(h(strings(.whereToCome) + strings.colon + toCome.joined(separator: ", ")))</p>" }
            out += "</div>\n"
        case .definitions(let entries):
            out += "<dl class=\"definitions\">\n"
            for entry in entries { out += "<div><dt>\(h(entry.word))</dt><dd>\(WebPage.lines(entry.definition))</dd></div>\n" }
            out += "</dl>\n"
        }
    }

    /// The outcome, in its tone's colour and with its mark (✓ ✗ ○), so colour is not the only sign.
    mutating func outcome(_ name: String, reason: String?, score: Double?) {
        let tone = screen.outcomes.first { $0.name == name }?.tone ?? .other
        out += "<section class=\"outcome \(tone.rawValue)\" aria-labelledby=\"outcome-title\">\n"
        out += "<h2 id=\"outcome-title\"><span class=\"mark\" aria-hidden=\"true\">\(tone.symbol)</span> "
        out += "\(h(strings(.outcome) + strings.colon))<bdi>\(h(name))</bdi></h2>\n"
        if let reason { out += "<p>\(h(strings(.reason) + strings.colon))\(WebPage.lines(reason))</p>\n" }
        if let score { out += "<p>\(h(strings(.score) + strings.colon + Value.format(score, style: numbers)))</p>\n" }
        out += "</section>\n"
    }

    /// `+3 · why`, and the best option when it was not the one taken, as the terminal says it.
    mutating func feedback(_ feedback: MoveFeedback) {
        out += "<div class=\"feedback \(feedback.isBest ? "best" : "other")\">"
        let points = feedback.isBest ? strings(.pointsBest, signed(feedback.points)) : signed(feedback.points)
        out += "<p><span class=\"points\">\(h(points))</span>"
        if let why = feedback.why { out += " · " + marks.html(why) }
        out += "</p>"
        if !feedback.isBest {
            let best = strings(.optionPoints, feedback.bestOption, signed(feedback.bestPoints))
            out += "<p><strong>\(h(strings(.bestMove) + strings.colon))</strong>\(h(best))"
            if let why = feedback.bestWhy { out += " · " + marks.html(why) }
            out += "</p>"
        }
        out += "</div>\n"
    }

    /// The end of a practice run: the score against the best, the grade, the held feedback and
    /// the moves to review.
    mutating func practiceSummary(_ summary: PracticeSummary) {
        let result = summary.result
        out += "<section class=\"summary\" aria-labelledby=\"summary-title\">\n<h2 id=\"summary-title\">\(h(strings(.practiceResult)))</h2>\n"
        let possible = result.bestPossible.map { Value.format($0, style: numbers) } ?? strings(.unbounded)
        let score = strings(
            .practiceScore, Value.format(result.score, style: numbers), Value.format(result.bestOnPath, style: numbers), possible)
        out += "<p class=\"score\">\(h(score))</p>\n"
        if let grade = result.grade {
            let count = result.moves.count + result.takenBack.count
            let measures = result.takenBack.isEmpty
                ? strings(.gradeMeasures, String(count)) : strings(.gradeMeasuresTakenBack, String(count), String(result.takenBack.count))
            out += "<p class=\"grade\"><strong>\(h(strings(.grade) + strings.colon + Value.format(grade.rounded(), style: numbers) + "%"))</strong> "
            out += "<span class=\"quiet\">\(h(measures))</span></p>\n"
        } else {
            out += "<p class=\"grade\">\(h(strings(.noGrade)))</p>\n"
        }
        if !summary.held.isEmpty {
            out += "<h3>\(h(heading(strings(.feedbackHeld))))</h3>\n<ol class=\"moves\">\n"
            for move in summary.held {
                out += "<li><p class=\"move\">\(marks.html(move.result.text)) <span aria-hidden=\"true\">\(arrow)</span> "
                out += "<bdi>\(h(move.result.chosen))</bdi>\(move.takenBack ? " <span class=\"quiet\">\(h(strings(.takenBack)))</span>" : "")</p>"
                if let feedback = move.feedback { self.feedback(feedback) }
                out += "</li>\n"
            }
            out += "</ol>\n"
        }
        if !summary.review.isEmpty {
            out += "<h3>\(h(heading(strings(.movesToReview))))</h3>\n<ul class=\"review\">\n"
            for move in summary.review {
                let taken = move.takenBack ? " <span class=\"quiet\">\(h(strings(.takenBack)))</span>" : ""
                let chose = strings(
                    .youChose, move.result.chosen, signed(move.result.points), move.result.bestOption, signed(move.result.bestPoints))
                out += "<li><p class=\"move\">\(marks.html(move.result.text))\(taken)</p><p>\(h(chose))</p></li>\n"
            }
            out += "</ul>\n"
        } else if !result.moves.isEmpty {
            out += "<p>\(h(strings(.allBest)))</p>\n"
        }
        out += "</section>\n"
    }

    /// A runner's line that introduces a list ("Moves to review:"), as a heading: without its colon.
    func heading(_ line: String) -> String {
        var line = line
        while line.hasSuffix(":") || line.hasSuffix("：") { line.removeLast() }
        return line
    }

    /// The way the rep's choice follows the question, in the page's direction.
    var arrow: String { ToolLanguage.isRightToLeft(screen.language) ? "←" : "→" }

    func signed(_ points: Double) -> String { (points > 0 ? "+" : "") + Value.format(points, style: numbers) }
}
