/// `--format table` written to a pipe: tables are laid out for a terminal, so one wider than 80
/// columns gets a one-line note on standard error naming the formats that suit a pipe.
enum WideTableNote {
    /// The widest line of `text`, in characters.
    static func width(of text: String) -> Int {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(\.count).max() ?? 0
    }

    /// Notes `text`'s width when it is a table going to a pipe (not a file, not a terminal) and is
    /// wider than 80 columns.
    static func check(_ text: String, isTable: Bool, output: String?, quiet: Bool = false) {
        guard isTable, output == nil, !quiet, !Terminal.isOutputInteractive else { return }
        let width = width(of: text)
        guard width > 80 else { return }
        Terminal.writeError(
            "hindsight: note: this table is \(width) columns wide; --format markdown, json or csv suit a pipe better.\n"
        )
    }
}
