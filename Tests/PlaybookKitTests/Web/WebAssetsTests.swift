import Foundation
import Testing

@testable import PlaybookKit

/// What the style sheet and the script promise: a page that mirrors itself for Hebrew, text that
/// can be read, and a script that never writes markup.
struct WebAssetsTests {
    /// Physical sides would not mirror in a right-to-left page; the sheet uses logical ones only.
    @Test func theStyleSheetUsesLogicalSidesOnly() throws {
        let physical = try Regex(#"(margin|padding|border)-(left|right)|(^|[\s;{])(left|right|float)\s*:|text-align:\s*(left|right)"#)
        for (number, line) in WebAssets.css.split(separator: "\n").enumerated() {
            #expect(line.firstMatch(of: physical) == nil, "app.css line \(number + 1) names a physical side: \(line)")
        }
    }

    /// The colours of `:root`, as the sheet declares them.
    static func colours() -> [String: String] {
        var colours: [String: String] = [:]
        for match in WebAssets.css.matches(of: /--([a-z-]+):\s*(#[0-9a-f]{6})/) { colours[String(match.1)] = String(match.2) }
        return colours
    }

    static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16) ?? 0
        let channels = [value >> 16, (value >> 8) & 255, value & 255].map { Double($0) / 255 }
        let linear = channels.map { $0 <= 0.03928 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    }

    static func contrast(_ one: String, _ other: String) -> Double {
        let (light, dark) = (max(luminance(one), luminance(other)), min(luminance(one), luminance(other)))
        return (light + 0.05) / (dark + 0.05)
    }

    /// Each text colour on each ground it is drawn on, at 4.5:1 or more (WCAG AA for body text).
    @Test func textIsReadableOnItsGround() throws {
        let colours = Self.colours()
        let pairs = [
            ("ink", "paper"), ("ink", "page"), ("muted", "paper"), ("muted", "page"), ("muted", "accent-soft"), ("accent", "paper"),
            ("accent", "page"), ("accent", "accent-soft"), ("good", "good-soft"), ("bad", "bad-soft"), ("other", "other-soft"),
            ("other", "paper"), ("ink", "bad-soft"), ("ink", "good-soft"), ("ink", "other-soft"),
        ]
        for (text, ground) in pairs {
            let (foreground, background) = (try #require(colours[text], "--\(text)"), try #require(colours[ground], "--\(ground)"))
            #expect(Self.contrast(foreground, background) >= 4.5, "--\(text) on --\(ground): \(Self.contrast(foreground, background))")
        }
        // White on the filled buttons, and the focus ring (3:1 for a boundary) on both grounds.
        for ground in ["accent", "bad"] { #expect(Self.contrast("#ffffff", try #require(colours[ground])) >= 4.5) }
        for ground in ["paper", "page"] { #expect(Self.contrast(try #require(colours["focus"]), try #require(colours[ground])) >= 3) }
    }

    @Test func focusIsVisibleAndHiddenStaysHidden() {
        #expect(WebAssets.css.contains(":focus-visible { outline: 3px solid var(--focus)"))
        #expect(WebAssets.css.contains("[hidden] { display: none !important; }"))
    }

    /// The script changes text with `textContent` and attributes; it never parses markup, so no
    /// text a playbook gives can become a tag through it.
    @Test func theScriptWritesNoMarkup() {
        for forbidden in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "http"] {
            #expect(!WebAssets.js.contains(forbidden), "app.js uses \(forbidden)")
        }
        #expect(WebAssets.js.contains("textContent"))
    }
}
