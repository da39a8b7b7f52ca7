extension SourceFile {
    /// FNV-1a over the playbook's files as read: enough to tell on resume whether it changed.
    public static func contentHash(_ sources: [SourceFile]) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for source in sources {
            for byte in source.bytes {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
            }
            hash = (hash ^ 0xFF) &* 0x100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
