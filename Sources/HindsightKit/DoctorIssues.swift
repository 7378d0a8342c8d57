import HindsightConfig
import HindsightCore
import HindsightIndex

extension ConfigError {
    /// The error split into what is wrong and the fix, as `doctor` prints them.
    public var doctorIssue: DoctorIssue {
        switch self {
        case .missing(let path):
            DoctorIssue(problem: "no configuration file at \(path)", fix: "check the --config path")
        case .invalid(let path, let key, let line, let detail):
            DoctorIssue(
                problem:
                    "invalid configuration in \(Self.place(path, line))\(key.isEmpty ? "" : " at '\(key)'"): \(detail)",
                fix: "correct the value in \(path), or remove the key to use the default")
        case .unknownKey(let path, let key, let line, let known):
            DoctorIssue(
                problem: "unknown key '\(key)' in \(Self.place(path, line))",
                fix: "use a key known there (\(known.joined(separator: ", "))), or remove it from \(path)")
        }
    }

    private static func place(_ path: String, _ line: Int?) -> String { line.map { "\(path):\($0)" } ?? path }
}

extension LessonFileError {
    /// The error split into what is wrong and the fix, as `doctor` prints them.
    public var doctorIssue: DoctorIssue {
        DoctorIssue(
            problem: "invalid lesson file \(path)\(line.map { ":\($0)" } ?? ""): \(error.field): \(error.problem)",
            fix: "correct \(path), or remove it")
    }
}

extension DoctorIssue {
    /// Why the index at `path` cannot be inspected, and the fix.
    static func unreadableIndex(_ error: any Error, path: String) -> DoctorIssue {
        switch error as? IndexError {
        case .corrupt(_, let detail):
            DoctorIssue(
                problem: "the index at \(path) is damaged (\(detail))",
                fix: "run `hindsight mine --rebuild` to build it again")
        case .unwritable(_, let detail):
            DoctorIssue(
                problem: "cannot read the index at \(path): \(detail)",
                fix: "check the permissions of its directory and the free space")
        case .busy:
            DoctorIssue(
                problem: "another hindsight is updating the index at \(path)",
                fix: "wait for it to finish, then run `hindsight doctor` again")
        default:
            DoctorIssue(
                problem: "cannot read the index at \(path): \(error)",
                fix: "run `hindsight mine --rebuild` to build it again")
        }
    }
}
