/// The git hooks directory as `doctor` found it.
public struct HookFacts: Sendable, Equatable {
    /// Where git runs hooks from (`core.hooksPath` or the common git directory's `hooks`).
    public var directory: String
    /// Every hook hindsight can install, in its order, as found.
    public var hooks: [HookFile]
    /// The hooks `hindsight install` writes by default.
    public var defaults: [String]
    /// The hooks that run the check (the others refresh the index).
    public var checking: Set<String>
    /// Whether `hindsight` is on the PATH the hooks would search.
    public var isOnPath: Bool

    /// Facts from their parts.
    public init(directory: String, hooks: [HookFile], defaults: [String], checking: Set<String>, isOnPath: Bool) {
        self.directory = directory
        self.hooks = hooks
        self.defaults = defaults
        self.checking = checking
        self.isOnPath = isOnPath
    }
}

/// One hook file.
public struct HookFile: Sendable, Equatable {
    /// Who wrote the file at the hook's path.
    public enum Owner: Sendable, Equatable {
        /// No file.
        case none
        /// `hindsight install`; `recordedBinary` is the fallback it names, `binaryExists` whether it is there.
        case hindsight(recordedBinary: String?, binaryExists: Bool)
        /// Someone else (a person, another tool).
        case foreign
    }

    /// The hook's name (`commit-msg`).
    public var name: String
    /// Who wrote it.
    public var owner: Owner
    /// Whether git can run it (executable).
    public var isExecutable: Bool
    /// Whether a replaced hook sits beside it (`<name>.pre-hindsight`), which hindsight's runs first.
    public var hasChained: Bool

    /// A hook from its parts.
    public init(name: String, owner: Owner, isExecutable: Bool = true, hasChained: Bool = false) {
        self.name = name
        self.owner = owner
        self.isExecutable = isExecutable
        self.hasChained = hasChained
    }
}

/// A hook manager (husky, lefthook, the pre-commit framework) the work tree configures.
public struct HookManagerFacts: Sendable, Equatable {
    /// Its name.
    public var name: String
    /// Its configuration file, from the work tree's root.
    public var file: String
    /// Whether that file runs hindsight.
    public var runsHindsight: Bool

    /// Facts from their parts.
    public init(name: String, file: String, runsHindsight: Bool) {
        self.name = name
        self.file = file
        self.runsHindsight = runsHindsight
    }
}
