import Foundation
import HindsightCore
import Yams

/// The settings in `.hindsight.yml`; every key is optional and defaults to what the docs say.
public struct HindsightConfiguration: Equatable, Sendable {
    /// How history is read into the index.
    public var history: HistoryOptions

    /// The defaults, used when there is no file.
    public init(history: HistoryOptions = .init()) {
        self.history = history
    }

    /// The file name looked up at the root of the work tree.
    public static let fileName = ".hindsight.yml"

    /// Loads `file`, or the defaults when `file` does not exist and `isRequired` is false.
    public static func load(from file: URL, isRequired: Bool = false) throws(ConfigError) -> HindsightConfiguration {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            if isRequired { throw .missing(path: file.path) }
            return HindsightConfiguration()
        }
        return try parse(String(decoding: data, as: UTF8.self), path: file.path)
    }

    /// Parses the text of a configuration file; `path` names it in errors.
    public static func parse(_ text: String, path: String) throws(ConfigError) -> HindsightConfiguration {
        let file: ConfigFile
        do {
            file = try YAMLDecoder().decode(ConfigFile.self, from: text.isEmpty ? "{}" : text)
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.dataCorrupted(context) {
            throw .invalid(path: path, key: context.codingPath.map(\.stringValue).joined(separator: "."),
                           detail: context.debugDescription)
        } catch {
            throw .invalid(path: path, key: "", detail: "\(error)")
        }
        var configuration = HindsightConfiguration()
        if let history = file.history {
            configuration.history.detectRenames = history.renames ?? configuration.history.detectRenames
            if let threshold = history.renameThreshold {
                guard (1...100).contains(threshold) else {
                    throw .invalid(path: path, key: "history.renameThreshold", detail: "must be 1 to 100 (percent), got \(threshold)")
                }
                configuration.history.renameThreshold = threshold
            }
            if let limit = history.renameLimit {
                guard limit >= 1 else {
                    throw .invalid(path: path, key: "history.renameLimit", detail: "must be at least 1, got \(limit)")
                }
                configuration.history.renameLimit = limit
            }
        }
        return configuration
    }
}

/// The file's shape; unknown keys are ignored so newer files still load.
private struct ConfigFile: Decodable {
    struct History: Decodable {
        var renames: Bool?
        var renameThreshold: Int?
        var renameLimit: Int?
    }

    var history: History?
}

/// A configuration file that cannot be used.
public enum ConfigError: Error, Equatable, Sendable {
    /// `--config` named a file that does not exist.
    case missing(path: String)
    /// The file is not valid YAML, or a value has the wrong type or range.
    case invalid(path: String, key: String, detail: String)
}

extension ConfigError: UserFacingError {
    public var description: String {
        switch self {
        case .missing(let path):
            "no configuration file at \(path). Check the --config path."
        case .invalid(let path, let key, let detail):
            "invalid configuration in \(path)\(key.isEmpty ? "" : " at '\(key)'"): \(detail). Fix the file, or remove the key to use the default."
        }
    }

    public var exitStatus: ExitStatus { .usage }
}
