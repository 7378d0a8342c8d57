import ArgumentParser
import Foundation
import HindsightConfig
import HindsightCore
import HindsightKit

extension Guards {
    /// `hindsight guards accept`: marks guards as reviewed and kept, optionally setting their severity.
    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "accept",
            abstract: "Accept guards (status: accepted), optionally setting their severity; a muted guard runs again.",
            discussion: "Changes .hindsight/guards.yml in place (atomically); commit it so everyone gets the decision."
        )

        @OptionGroup var repository: RepositoryOptions

        @Argument(help: ArgumentHelp("The guards' ids (see `hindsight guards list`).", valueName: "id"))
        var ids: [String] = []

        @Flag(help: "Accept every proposed guard (muted ones stay muted).")
        var all = false

        @Option(
            help: ArgumentHelp("Also set the severity: error, warning or notice.", valueName: "severity"),
            transform: Guards.severity)
        var severity: Severity?

        func validate() throws {
            if all, !ids.isEmpty { throw ValidationError("give guard ids or --all, not both.") }
            if !all, ids.isEmpty {
                throw ValidationError("give the ids of the guards to accept, or --all for every proposed guard.")
            }
        }

        func run() throws {
            var document = try GuardDocument(repository.openRepository())
            let targets =
                all
                ? document.set.guards.indices.filter { document.set.guards[$0].status == .proposed }
                : try ids.map(document.index(of:))
            var report: [String] = []
            for index in Set(targets).sorted() {
                let before = document.set.guards[index]
                var after = before
                after.status = .accepted
                after.muteReason = nil
                if let severity { after.severity = severity }
                document.set.guards[index] = after
                report.append(Self.change(from: before, to: after))
            }
            if all, targets.isEmpty { report.append("No proposed guards to accept.") }
            let written = try document.save()
            report.append(
                written ? "Wrote \(GuardSetFile.relativePath)." : "\(GuardSetFile.relativePath) is unchanged.")
            Terminal.writeOutput(Array((report.joined(separator: "\n") + "\n").utf8))
        }

        /// One line saying what accepting did to a guard.
        static func change(from before: Guard, to after: Guard) -> String {
            let id = Guards.terminalSafe(after.id)
            var changes: [String] = []
            if before.status != after.status { changes.append("\(before.status.rawValue) → \(after.status.rawValue)") }
            if before.severity != after.severity {
                changes.append("severity \(before.severity.rawValue) → \(after.severity.rawValue)")
            }
            guard !changes.isEmpty else { return "\(id): already accepted (\(after.severity.rawValue))." }
            return "\(id): \(changes.joined(separator: ", ")). \(Guards.terminalSafe(after.message))"
        }
    }
}
