import HindsightCore

/// Renders check findings as a GitLab Code Quality report (a JSON array), for merge request widgets.
public struct GitLabFindingsRenderer: FindingsRenderer {
    /// A GitLab Code Quality renderer.
    public init() {}

    /// The whole document for `result`.
    public func render(_ result: CheckResult) -> String {
        var occurrences: [String: Int] = [:]
        let issues = result.findings.map { finding -> JSONValue in
            // GitLab drops issues that share a fingerprint; repeats get an occurrence number.
            let occurrence = occurrences[finding.fingerprint, default: 0]
            occurrences[finding.fingerprint] = occurrence + 1
            let key = occurrence == 0 ? finding.fingerprint : finding.fingerprint + "#\(occurrence + 1)"
            return Self.issue(finding, fingerprint: Self.fingerprint(key))
        }
        return JSONValue.array(issues).serialized()
    }

    private static func issue(_ finding: Finding, fingerprint: String) -> JSONValue {
        let description = finding.action.isEmpty ? finding.message : finding.message + " — " + finding.action
        return .object([
            ("description", .string(description)),
            ("check_name", .string(finding.kind)),
            ("fingerprint", .string(fingerprint)),
            ("severity", .string(severity(finding.severity))),
            (
                "location",
                .object([
                    ("path", .string(finding.path.string)),
                    ("lines", .object([("begin", .int(max(1, finding.line ?? 1)))])),
                ])
            ),
        ])
    }

    /// Code Quality's name for a severity.
    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .notice: "info"
        case .warning: "minor"
        case .error: "major"
        }
    }

    /// The SHA-256 of `key` in lowercase hex: the same on every run and machine.
    static func fingerprint(_ key: String) -> String {
        SHA256.digest(Array(key.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}

/// SHA-256 (FIPS 180-4), small and dependency-free; used for fingerprints, not for security.
enum SHA256 {
    private static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    /// The 32-byte digest of `message`.
    static func digest(_ message: [UInt8]) -> [UInt8] {
        var state: [UInt32] = [
            0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
        ]
        var padded = message + [0x80]
        padded += [UInt8](repeating: 0, count: (56 - padded.count % 64 + 64) % 64)
        let bitLength = UInt64(message.count) &* 8
        padded += (0..<8).reversed().map { UInt8(truncatingIfNeeded: bitLength >> (UInt64($0) * 8)) }
        var schedule = [UInt32](repeating: 0, count: 64)
        for block in stride(from: 0, to: padded.count, by: 64) {
            for t in 0..<16 {
                schedule[t] = (0..<4).reduce(UInt32(0)) { $0 << 8 | UInt32(padded[block + t * 4 + $1]) }
            }
            for t in 16..<64 {
                let s0 = rotate(schedule[t - 15], 7) ^ rotate(schedule[t - 15], 18) ^ (schedule[t - 15] >> 3)
                let s1 = rotate(schedule[t - 2], 17) ^ rotate(schedule[t - 2], 19) ^ (schedule[t - 2] >> 10)
                schedule[t] = schedule[t - 16] &+ s0 &+ schedule[t - 7] &+ s1
            }
            var v = state  // a b c d e f g h
            for t in 0..<64 {
                let sum1 = rotate(v[4], 6) ^ rotate(v[4], 11) ^ rotate(v[4], 25)
                let choice = (v[4] & v[5]) ^ (~v[4] & v[6])
                let temp1 = v[7] &+ sum1 &+ choice &+ roundConstants[t] &+ schedule[t]
                let sum0 = rotate(v[0], 2) ^ rotate(v[0], 13) ^ rotate(v[0], 22)
                let majority = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2])
                v = [temp1 &+ sum0 &+ majority, v[0], v[1], v[2], v[3] &+ temp1, v[4], v[5], v[6]]
            }
            for index in 0..<8 { state[index] = state[index] &+ v[index] }
        }
        return state.flatMap { word in (0..<4).reversed().map { UInt8(truncatingIfNeeded: word >> (UInt32($0) * 8)) } }
    }

    private static func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 {
        value >> count | value << (32 - count)
    }
}
