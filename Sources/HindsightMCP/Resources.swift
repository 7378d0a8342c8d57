import Foundation
import HindsightConfig
import HindsightCore
import HindsightKit
import HindsightOutput

/// The documents the server offers as resources: the stability report and the AGENTS.md block.
enum HistoryResource: String, CaseIterable, Sendable {
    case report = "hindsight://report"
    case agentsBlock = "hindsight://agents-block"

    /// The short name clients list.
    var name: String {
        switch self {
        case .report: "stability-report"
        case .agentsBlock: "agents-md-block"
        }
    }

    /// What it holds.
    var summary: String {
        switch self {
        case .report:
            "The stability report as Markdown (`hindsight report --format markdown`): the top 25 files, directories, recurring fixes, reverts."
        case .agentsBlock: "The AGENTS.md block `hindsight context` writes from the index now, between its markers."
        }
    }

    /// The document, opened by a comment that states the index's commit and how far behind HEAD it is.
    func read(_ access: inout HistorySession.SessionAccess, status: IndexStatus) throws -> String {
        let stamp = "<!-- \(status.sentence) -->\n"
        switch self {
        case .report:
            let report = try access.model().report.selecting(ReportSelection(top: 25))
            return stamp + MarkdownReportRenderer().render(report)
        case .agentsBlock:
            return stamp + (try access.agentsBlock())
        }
    }
}

/// What the AGENTS.md block was built from, so it is built again only when one of them changed.
struct AgentsBlockKey: Hashable, Sendable {
    let tip: CommitID?
    let guards: [String]
    let mentionsServer: Bool
    let lessons: [LessonEntry]
}

extension HistorySession.SessionAccess {
    /// The AGENTS.md block as `hindsight context` would write it now (ages from HEAD's date, the
    /// configured budget and rule files, the lessons with their states on that day), markers
    /// included; built once per tip, guard file and lesson book.
    mutating func agentsBlock() throws -> String {
        let model = try model()
        let guards = try guardSet()
        let snapshot = model.input.snapshot
        let book = try lessonBook(asOf: snapshot.tipCommitTime ?? model.input.settings.now)
        let mentionsServer = workTree.map { MCPClientConfig.isConfigured(in: URL(fileURLWithPath: $0)) } ?? false
        let key = AgentsBlockKey(
            tip: model.tip, guards: guards.guards.map(\.id), mentionsServer: mentionsServer, lessons: book.entries)
        if let cached = cachedBlock(key) { return cached }
        let session = ContextSession(configuration: configuration, workTree: workTree.map { URL(fileURLWithPath: $0) })
        let agentContext = session.agentContext(of: snapshot, guards: guards.guards, lessons: book.entries)
        let content = session.blockContent(agentContext, formats: session.ruleFileFormats())
        let block: String
        do { block = try ManagedBlock.agents.splice(content, into: nil) } catch {
            throw ToolError("the AGENTS.md block cannot be built: \(error.description)")
        }
        cacheBlock(key, block)
        return block
    }
}
