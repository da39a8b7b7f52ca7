/// Latin letters without their accents, as people type them on a keyboard that has none:
/// Vietnamese without tone marks (`Người ký hợp đồng` → `nguoi ky hop dong`), `Café` → `cafe`.
/// Only Latin letters are folded: Thai vowels and tone marks, Hebrew points and every other
/// script are kept, since in those the marks tell words apart.
public enum LatinFolding {
    /// The text lowercased, with the accents of Latin letters removed (precomposed or combining).
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var afterLatin = false
        for scalar in text.lowercased().unicodeScalars {
            if (0x300...0x36F).contains(scalar.value) {
                // A combining accent on a Latin letter goes; on anything else it stays.
                if !afterLatin { out.append(scalar) }
                continue
            }
            let base = bases[scalar] ?? scalar
            out.append(base)
            afterLatin = base.isASCII && base.properties.isAlphabetic
        }
        return String(out)
    }

    /// Each accented lowercase Latin letter and its base letter.
    private static let bases: [Unicode.Scalar: Unicode.Scalar] = {
        let groups: [(Unicode.Scalar, String)] = [
            ("a", "àáảãạăằắẳẵặâầấẩẫậäåāąǎ"), ("c", "çćčĉċ"), ("d", "đďð"),
            ("e", "èéẻẽẹêềếểễệëēęěėĕ"), ("g", "ğĝġģ"), ("h", "ĥħ"), ("i", "ìíỉĩịîïīįıǐ"),
            ("j", "ĵ"), ("k", "ķ"), ("l", "łľĺļŀ"), ("n", "ñńňņ"),
            ("o", "òóỏõọôồốổỗộơờớởỡợöøōőǒ"), ("r", "řŕŗ"), ("s", "šśşŝș"), ("t", "ťţț"),
            ("u", "ùúủũụưừứửữựûüūůűųǔ"), ("w", "ŵ"), ("y", "ỳýỷỹỵÿŷ"), ("z", "žźż"),
        ]
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (base, letters) in groups {
            for letter in letters.unicodeScalars { table[letter] = base }
        }
        return table
    }()
}
