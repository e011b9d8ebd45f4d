import CardBatchOutput
import Testing

/// The page's escaping, done on UTF-8 bytes.
struct HTMLEscapeTests {
    @Test func theFiveMarkupCharactersAreEscapedAndEverythingElseIsKeptByteForByte() {
        #expect(HTML.escape(#"<a href="x">Tom & 'Jerry'</a>"#) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
        let plain = "Müller 张伟 Zoë 🙂 ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="
        #expect(HTML.escape(plain) == plain)
        #expect(HTML.escape("张<伟>") == "张&lt;伟&gt;")
        #expect(HTML.escape("") == "")
    }

    @Test func aTreeEscapesItsTextAndAttributesButNotRawStyle() {
        let page = HTML.el("p", [("title", "a\"b")], [.text("<b>"), .raw("<i>")]).rendered
        #expect(page == "<p title=\"a&quot;b\">&lt;b&gt;<i></p>")
    }
}
