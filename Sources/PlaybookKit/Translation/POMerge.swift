/// What `translate update` did to a language's file.
public struct POMergeSummary: Sendable, Hashable {
    /// Entries whose source is unchanged.
    public var kept = 0
    /// Texts new to the file, not translated yet.
    public var added = 0
    /// Texts whose source changed: their old translation kept, marked fuzzy, the old source kept in `#|`.
    public var fuzzy = 0
    /// Translated texts the playbook no longer has, kept as `#~` for their translation.
    public var obsoleted = 0
    /// Obsolete entries brought back because their text is in the playbook again.
    public var revived = 0
}

/// Brings a language's file up to date with a template, as `msgmerge` does: an entry whose
/// text is unchanged keeps its translation; one whose text changed keeps its old translation
/// as a fuzzy guess with the old source beside it; one the playbook no longer has is kept as
/// obsolete; a translator's comments stay with their entry.
public enum POMerge {
    public static func merge(
        _ template: [POEntry], into existing: POFile?, language: String, project: String, date: String
    ) -> (POFile, POMergeSummary) {
        var summary = POMergeSummary()
        let old = existing?.entries ?? []
        var byKey: [POKey: Int] = [:]
        for (index, entry) in old.enumerated() where byKey[entry.key] == nil || !entry.isObsolete {
            byKey[entry.key] = index
        }
        var used = Array(repeating: false, count: old.count)
        var merged: [POEntry?] = Array(repeating: nil, count: template.count)
        var unmatched: [Int] = []
        for (index, fresh) in template.enumerated() {
            guard let at = byKey[fresh.key] else {
                unmatched.append(index)
                continue
            }
            used[at] = true
            var entry = refreshed(old[at], from: fresh)
            if old[at].isObsolete {
                entry.isObsolete = false
                summary.revived += 1
            } else {
                summary.kept += 1
            }
            merged[index] = entry
        }
        // A changed text: the most like it among the old translated entries not yet used, first
        // of those with its own context (its place in the playbook), then of any.
        let candidates = old.indices.filter { !used[$0] && !old[$0].isHeader && !old[$0].translation.isEmpty }
        var byContext: [String: [Int]] = [:]
        for index in candidates { byContext[old[index].context ?? "", default: []].append(index) }
        var contextCounts: [String: Int] = [:]
        for entry in template { contextCounts[entry.context ?? "", default: 0] += 1 }
        for index in unmatched {
            let fresh = template[index]
            let sameContext = byContext[fresh.context ?? "", default: []].filter { !used[$0] }
            let freshCount = contextCounts[fresh.context ?? "", default: 0]
            var match: Int?
            if sameContext.count == 1, freshCount == 1 || similarity(old[sameContext[0]].id, fresh.id) >= 0.3 {
                match = sameContext[0]
            } else {
                match = best(sameContext, for: fresh.id, in: old, used: used, atLeast: 0.3)
            }
            if match == nil { match = best(candidates, for: fresh.id, in: old, used: used, atLeast: 0.6) }
            guard let found = match else {
                merged[index] = fresh
                summary.added += 1
                continue
            }
            used[found] = true
            var entry = refreshed(old[found], from: fresh)
            entry.context = fresh.context
            entry.id = fresh.id
            entry.isObsolete = false
            if !old[found].isFuzzy {
                entry.previousContext = old[found].context == fresh.context ? nil : old[found].context
                entry.previousID = old[found].id
            }
            entry.setFuzzy(true)
            if old[found].isFuzzy, entry.previousID == nil { entry.previousID = old[found].id }
            merged[index] = entry
            summary.fuzzy += 1
        }
        var entries = merged.compactMap { $0 }
        for (index, entry) in old.enumerated() where !used[index] && !entry.isHeader {
            guard entry.isObsolete || !entry.translation.isEmpty else { continue }
            var gone = entry
            if !gone.isObsolete { summary.obsoleted += 1 }
            gone.isObsolete = true
            gone.references = []
            entries.append(gone)
        }
        let header = existing?.header.map { completed($0, language: language, project: project, date: date) }
            ?? POEntry(context: nil, id: "", translation: POTemplate.headerText(project: project, language: language, date: date))
        return (POFile(header: header, entries: entries), summary)
    }

    /// `old`'s translation and translator's notes with the template's comments, places and flags.
    private static func refreshed(_ old: POEntry, from fresh: POEntry) -> POEntry {
        var entry = old
        entry.extractedComments = fresh.extractedComments
        entry.references = fresh.references
        let fuzzy = old.isFuzzy
        entry.flags = fresh.flags
        if fuzzy { entry.flags.insert("fuzzy", at: 0) }
        return entry
    }

    private static func best(_ indices: [Int], for id: String, in old: [POEntry], used: [Bool], atLeast threshold: Double) -> Int? {
        var best: (index: Int, score: Double)?
        let length = id.unicodeScalars.count
        for index in indices where !used[index] {
            let other = old[index].id.unicodeScalars.count
            // The ratio cannot reach the threshold when the lengths are too far apart.
            guard Double(2 * min(length, other)) / Double(max(1, length + other)) >= threshold else { continue }
            let score = similarity(old[index].id, id)
            if score >= threshold, score > (best?.score ?? 0) { best = (index, score) }
        }
        return best?.index
    }

    /// How alike two texts are, 0 to 1: twice their longest common subsequence of characters
    /// over their total length (the measure `msgmerge`'s fuzzy matching approximates).
    static func similarity(_ a: String, _ b: String) -> Double {
        let left = Array(a.unicodeScalars)
        let right = Array(b.unicodeScalars)
        guard !left.isEmpty || !right.isEmpty else { return 1 }
        var previous = Array(repeating: 0, count: right.count + 1)
        var row = previous
        for x in left {
            for (j, y) in right.enumerated() {
                row[j + 1] = x == y ? previous[j] + 1 : max(previous[j + 1], row[j])
            }
            swap(&previous, &row)
        }
        return Double(2 * previous[right.count]) / Double(left.count + right.count)
    }

    /// An existing header with the fields a tool needs added where missing; what a translator
    /// or their tool wrote is kept.
    private static func completed(_ header: POEntry, language: String, project: String, date: String) -> POEntry {
        var entry = header
        let present = Set(POFile(header: header, entries: []).headerFields.map(\.name))
        let fresh = POTemplate.headerText(project: project, language: language, date: date)
        var text = header.translation
        if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
        for line in fresh.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":"), !present.contains(String(line[..<colon])) else { continue }
            text += line + "\n"
        }
        entry.translation = text
        entry.setFuzzy(false)
        return entry
    }
}
