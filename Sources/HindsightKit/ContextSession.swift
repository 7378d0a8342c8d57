import Foundation
import HindsightConfig
import HindsightCore
import HindsightOutput

/// The one way to build what agents read: the agent context of a history and the AGENTS.md block,
/// for `hindsight context` and the MCP server's `hindsight://agents-block` resource alike.
public struct ContextSession: Sendable {
    /// The repository's configuration (`context:` and the report's thresholds).
    public let configuration: HindsightConfiguration
    /// The work tree, where an MCP client configuration may name the server; nil in a bare repository.
    public let workTree: URL?

    /// A session under `configuration` for the work tree at `workTree`.
    public init(configuration: HindsightConfiguration, workTree: URL?) {
        self.configuration = configuration
        self.workTree = workTree
    }

    /// What `snapshot` teaches an agent, ages counted from its `HEAD`'s date, with `guards` accepted
    /// ones and the lessons in force of `lessons`.
    public func agentContext(of snapshot: HistorySnapshot, guards: [Guard], lessons: [LessonEntry] = []) -> AgentContext
    {
        HindsightCore.agentContext(
            of: snapshot, settings: configuration.report.analysisSettings(now:), guards: guards, lessons: lessons,
            activeDays: configuration.context.activeDays, attemptYears: configuration.context.attemptYears)
    }

    /// The rule file formats `names` asks for (nil: the configuration's targets).
    public func ruleFileFormats(_ names: [String]? = nil) -> [any RuleFileFormat] {
        (names ?? configuration.context.targets).compactMap(ruleFileFormat(named:))
    }

    /// The AGENTS.md block's content for `context`, cut to `budget` tokens (nil: the configured
    /// budget), pointing to the rule files of `formats` and to the MCP server when a client names it.
    public func blockContent(_ context: AgentContext, budget: Int? = nil, formats: [any RuleFileFormat]) -> String {
        AgentsBlockRenderer(
            budget: budget ?? configuration.context.budget, ruleFiles: formats.map(\.pathPattern),
            mentionsMCPServer: workTree.map(MCPClientConfig.isConfigured(in:)) ?? false
        ).render(context)
    }
}
