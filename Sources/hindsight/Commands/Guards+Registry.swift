import ArgumentParser

extension Guards {
    /// `guards` subcommands declared in other files (`guards mine` adds `Guards.Mine.self` here).
    static let minedSubcommands: [any ParsableCommand.Type] = [Guards.Mine.self]
}
