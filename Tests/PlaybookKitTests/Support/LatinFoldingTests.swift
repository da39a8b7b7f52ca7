import Testing

@testable import PlaybookKit

struct LatinFoldingTests {
    @Test func everyVietnameseVowelWithEveryToneFoldsToItsBase() {
        let vowels: [(String, String)] = [
            ("a", "aàáảãạ ăằắẳẵặ âầấẩẫậ"), ("e", "eèéẻẽẹ êềếểễệ"), ("i", "iìíỉĩị"),
            ("o", "oòóỏõọ ôồốổỗộ ơờớởỡợ"), ("u", "uùúủũụ ưừứửữự"), ("y", "yỳýỷỹỵ"), ("d", "đ"),
        ]
        for (base, letters) in vowels {
            for letter in letters where letter != " " {
                #expect(LatinFolding.fold(String(letter)) == base, "\(letter)")
                #expect(LatinFolding.fold(String(letter).uppercased()) == base, "\(letter) uppercase")
            }
        }
    }

    @Test func decomposedAccentsFoldLikePrecomposedOnes() {
        // "Người" with the horn and the grave accent as combining marks.
        #expect(LatinFolding.fold("Ngu\u{31B}o\u{31B}\u{300}i") == "nguoi")
        #expect(LatinFolding.fold("Người ký hợp đồng") == "nguoi ky hop dong")
    }

    @Test func otherScriptsKeepTheirMarks() {
        for text in ["ไม่ใช่", "ใช่", "שָׁלוֹם", "成交", "นิยาม"] {
            #expect(LatinFolding.fold(text) == text.lowercased())
        }
    }
}
