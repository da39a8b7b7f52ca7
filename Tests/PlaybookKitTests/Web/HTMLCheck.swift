/// A strict reading of the pages the web app writes: what a browser would parse, and the house
/// rules for them. It reads the markup as written (it is not a forgiving HTML5 parser), so a tag
/// left open, a text that was not escaped or an inline script is found, not repaired.
enum HTMLCheck {
    struct Element {
        var name: String
        var attributes: [String: String]
        /// The element's text, tags left out (entities as written).
        var text = ""
        /// The indices in `Reading.elements` of the elements it is in, outermost first.
        var ancestors: [Int] = []

        subscript(_ attribute: String) -> String? { attributes[attribute] }
    }

    struct Reading {
        var elements: [Element] = []
        var problems: [String] = []
    }

    static let void: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
    static let blocks: Set<String> = [
        "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figure", "footer", "form", "h1", "h2", "h3",
        "h4", "h5", "h6", "header", "hr", "main", "nav", "ol", "p", "pre", "section", "table", "ul",
    ]
    static let interactive: Set<String> = ["a", "button", "input", "select", "textarea", "details", "label"]
    static let entities: Set<String> = ["amp", "lt", "gt", "quot", "apos"]

    /// The problems of a page: none for a good one.
    static func problems(_ html: String) -> [String] { read(html).problems }

    static func read(_ html: String) -> Reading {
        var reading = Reading()
        let scalars = Array(html.unicodeScalars)
        var stack: [Int] = []
        var index = 0
        func problem(_ text: String) { reading.problems.append(text) }
        func context() -> String { stack.map { reading.elements[$0].name }.joined(separator: ">") }
        if !html.hasPrefix("<!doctype html>\n") { problem("the page does not start with <!doctype html>") }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<" {
                guard let close = scalars[index...].firstIndex(of: ">") else {
                    problem("a '<' that opens no tag, in \(context())")
                    break
                }
                let tag = String(String.UnicodeScalarView(scalars[(index + 1)..<close]))
                index = close + 1
                if tag.lowercased() == "!doctype html" { continue }
                if tag.hasPrefix("/") {
                    let name = String(tag.dropFirst())
                    guard let top = stack.last, reading.elements[top].name == name else {
                        problem("</\(name)> closes \(stack.last.map { "<" + reading.elements[$0].name + ">" } ?? "nothing"), in \(context())")
                        continue
                    }
                    stack.removeLast()
                    continue
                }
                guard var element = parseTag(tag, problem) else { continue }
                element.ancestors = stack
                check(element, inside: stack.map { reading.elements[$0] }, problem)
                reading.elements.append(element)
                if void.contains(element.name) { continue }
                if element.name == "script" {
                    let end = Array("</script>".unicodeScalars)
                    if Array(scalars[index..<min(scalars.count, index + end.count)]) != end {
                        problem("a <script> with content: scripts come from /static/app.js only")
                    }
                    index += end.count
                    continue
                }
                stack.append(reading.elements.count - 1)
            } else {
                if scalar == ">" { problem("a raw '>' in text, in \(context())") }
                if scalar == "&" {
                    let rest = String(String.UnicodeScalarView(scalars[(index + 1)..<min(scalars.count, index + 12)]))
                    let name = rest.prefix { $0 != ";" }
                    if !rest.contains(";") || !(entities.contains(String(name)) || name.hasPrefix("#")) {
                        problem("a raw '&' in text, in \(context()): \(rest)")
                    }
                }
                for open in stack { reading.elements[open].text.unicodeScalars.append(scalar) }
                index += 1
            }
        }
        if !stack.isEmpty { problem("left open: \(context())") }
        checkReferences(reading.elements, problem)
        return reading
    }

    /// `name attr="value" flag ...`; values double-quoted, holding no `<` and no raw `"`.
    static func parseTag(_ tag: String, _ problem: (String) -> Void) -> Element? {
        var rest = Substring(tag)
        let name = String(rest.prefix { $0.isLetter || $0.isNumber })
        guard !name.isEmpty, name == name.lowercased() else {
            problem("a tag without a lowercase name: <\(tag)>")
            return nil
        }
        rest = rest.dropFirst(name.count)
        var attributes: [String: String] = [:]
        while true {
            rest = rest.drop { $0 == " " }
            guard !rest.isEmpty else { break }
            let attribute = String(rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" })
            guard !attribute.isEmpty else {
                problem("cannot read the attributes of <\(tag)>")
                return nil
            }
            rest = rest.dropFirst(attribute.count)
            var value = ""
            if rest.first == "=" {
                rest = rest.dropFirst()
                guard rest.first == "\"", let end = rest.dropFirst().firstIndex(of: "\"") else {
                    problem("an unquoted value of \(attribute) in <\(tag)>")
                    return nil
                }
                value = String(rest[rest.index(after: rest.startIndex)..<end])
                rest = rest[rest.index(after: end)...]
                if value.contains("<") { problem("a '<' in the value of \(attribute) in <\(name)>") }
            }
            if attributes[attribute] != nil { problem("\(attribute) twice in <\(name)>") }
            attributes[attribute] = value
        }
        return Element(name: name, attributes: attributes)
    }

    /// The house rules for one element, and what HTML does not let it hold.
    static func check(_ element: Element, inside open: [Element], _ problem: (String) -> Void) {
        let name = element.name
        for attribute in element.attributes.keys {
            if attribute == "style" { problem("a style attribute on <\(name)>: the CSP allows only /static/app.css") }
            if attribute.hasPrefix("on") { problem("an event handler \(attribute) on <\(name)>: the CSP allows only /static/app.js") }
        }
        if name == "style" { problem("a <style> element: the CSP allows only /static/app.css") }
        for attribute in ["href", "src", "action"] {
            if let value = element[attribute], !value.hasPrefix("#"), !value.hasPrefix("/") || value.hasPrefix("//") {
                problem("\(attribute)=\"\(value)\" on <\(name)> points away from the server")
            }
        }
        if let parent = open.last, parent.name == "p", blocks.contains(name) { problem("<\(name)> inside <p>, which it would close") }
        if name == "form", open.contains(where: { $0.name == "form" }) { problem("a form inside a form") }
        if let button = open.last(where: { $0.name == "button" || $0.name == "a" }),
            interactive.contains(name) || element["tabindex"] != nil
        {
            problem("<\(name)> inside <\(button.name)>: nothing to press inside what is pressed")
        }
    }

    /// Ids are unique, and every label, `aria-labelledby` and `aria-describedby` names one; every
    /// field has a label; one element at most asks for the focus.
    static func checkReferences(_ elements: [Element], _ problem: (String) -> Void) {
        var ids = Set<String>()
        for element in elements {
            guard let id = element["id"] else { continue }
            if !ids.insert(id).inserted { problem("id \"\(id)\" twice") }
        }
        if elements.filter({ $0["autofocus"] != nil }).count > 1 { problem("autofocus on more than one element") }
        let labelled = Set(elements.filter { $0.name == "label" }.compactMap { $0["for"] })
        for element in elements {
            for attribute in ["for", "aria-labelledby", "aria-describedby"] {
                for id in (element[attribute] ?? "").split(separator: " ") where !ids.contains(String(id)) {
                    problem("\(attribute)=\"\(id)\" on <\(element.name)> names no element")
                }
            }
            let isField = ["select", "textarea"].contains(element.name) || (element.name == "input" && element["type"] != "hidden")
            if isField, element["aria-label"] == nil, element["aria-labelledby"] == nil, !labelled.contains(element["id"] ?? "") {
                problem("a <\(element.name) name=\"\(element["name"] ?? "")\"> without a label")
            }
        }
    }
}
