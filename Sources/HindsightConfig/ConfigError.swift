import HindsightCore

/// A configuration file that cannot be used.
public enum ConfigError: Error, Equatable, Sendable {
    /// `--config` named a file that does not exist.
    case missing(path: String)
    /// The file is not valid YAML, or a value has the wrong type or range.
    case invalid(path: String, key: String, line: Int?, detail: String)
    /// A key the configuration does not know (often a typo).
    case unknownKey(path: String, key: String, line: Int?, known: [String])
}

extension ConfigError: UserFacingError {
    public var description: String {
        switch self {
        case .missing(let path):
            "no configuration file at \(path). Check the --config path."
        case .invalid(let path, let key, let line, let detail):
            "invalid configuration in \(Self.place(path, line))\(key.isEmpty ? "" : " at '\(key)'"): \(detail). Fix the value, or remove the key to use the default."
        case .unknownKey(let path, let key, let line, let known):
            "unknown key '\(key)' in \(Self.place(path, line)). Known keys here: \(known.joined(separator: ", "))."
        }
    }

    public var exitStatus: ExitStatus { .usage }

    private static func place(_ path: String, _ line: Int?) -> String {
        line.map { "\(path):\($0)" } ?? path
    }
}
