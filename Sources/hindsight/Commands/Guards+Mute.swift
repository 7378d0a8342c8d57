import ArgumentParser
import Foundation
import HindsightConfig
import HindsightCore
import HindsightKit

extension Guards {
    /// `hindsight guards mute`: stops guards from running, recording why.
    struct Mute: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mute",
            abstract: "Mute guards (status: muted) so `hindsight check` never runs them, recording why.",
            discussion:
                "Changes .hindsight/guards.yml in place (atomically); commit it so everyone gets the decision. `hindsight guards accept ID` runs a muted guard again."
        )

        @OptionGroup var repository: RepositoryOptions

        @Argument(help: ArgumentHelp("The guards' ids (see `hindsight guards list`).", valueName: "id"))
        var ids: [String]

        @Option(help: ArgumentHelp("Why the guard is wrong here (kept in the file for reviewers).", valueName: "text"))
        var reason: String

        func validate() throws {
            if ids.isEmpty { throw ValidationError("give the id of the guard to mute.") }
            if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw ValidationError("--reason must say why the guard is muted (got an empty reason).")
            }
        }

        func run() throws {
            var document = try GuardDocument(repository.openRepository())
            var report: [String] = []
            for index in Set(try ids.map(document.index(of:))).sorted() {
                let before = document.set.guards[index]
                document.set.guards[index].status = .muted
                document.set.guards[index].muteReason = reason
                let id = Guards.terminalSafe(before.id)
                let change = before.status == .muted ? "reason changed" : "\(before.status.rawValue) → muted"
                report.append(
                    before.status == .muted && before.muteReason == reason
                        ? "\(id): already muted."
                        : "\(id): \(change) (\(Guards.terminalSafe(reason))). \(Guards.terminalSafe(before.message))")
            }
            let written = try document.save()
            report.append(
                written ? "Wrote \(GuardSetFile.relativePath)." : "\(GuardSetFile.relativePath) is unchanged.")
            Terminal.writeOutput(Array((report.joined(separator: "\n") + "\n").utf8))
        }
    }
}
