import Testing

@testable import PlaybookKit

/// Text in HTML: the five characters that mean something there become entities, in element text
/// and in attribute values alike, and nothing else changes.
struct HTMLTextTests {
    @Test func markupCharactersBecomeEntities() {
        #expect(HTMLText.escape(#"<a href="x" title='y'>Tom & Jerry</a>"#)
            == "&lt;a href=&quot;x&quot; title=&apos;y&apos;&gt;Tom &amp; Jerry&lt;/a&gt;")
        #expect(HTMLText.escape("&amp;") == "&amp;amp;")
    }

    @Test func otherTextIsKept() {
        for text in ["客户今年有预算吗？", "ลูกค้ามีงบประมาณ", "האם יש תקציב?", "Việt Nam 👨‍👩‍👧", "two\nlines\tand a tab"] {
            #expect(HTMLText.escape(text) == text)
        }
    }

    @Test func controlsAreShownNotPassed() {
        #expect(HTMLText.escape("bell\u{7}") == "bell&lt;U+7&gt;")
        #expect(HTMLText.escape("\u{202E}evil") == "&lt;U+202E&gt;evil")
    }

    /// SVG and the HTML report escape through the same function.
    @Test func svgUsesTheSameEscaping() {
        let text = "a<b & 'c' \"d\"\u{1}"
        #expect(SVG.escape(text) == HTMLText.escape(text))
    }
}
