/// `lesson`: a change touches the paths of a `tried` or `avoid` lesson in force, so the person or
/// agent making it reads what was learned there before repeating it. A notice unless configured.
public struct LessonRule: GuardRule {
    public let kind = GuardKind.lesson.id
    /// The lessons to quote, in the order findings cite them.
    public let lessons: [LessonEntry]

    /// The rule for `lessons`; only `tried` and `avoid` lessons in force ever fire.
    public init(lessons: [LessonEntry]) {
        self.lessons = lessons.filter { $0.state.isInForce && $0.lesson.kind.warnsOnChange }
    }

    public var descriptor: RuleDescriptor { GuardKind.lesson.descriptor }

    public func findings(in change: ChangeSet, context: GuardContext) -> [Finding] {
        lessons.compactMap { entry -> Finding? in
            let lesson = entry.lesson
            guard
                let file = change.files.first(where: { file in
                    lesson.isAbout(file.path) || file.oldPath.map(lesson.isAbout) == true
                })
            else { return nil }
            return Finding(
                ruleID: lesson.id, kind: kind,
                severity: context.severity(of: kind, default: GuardKind.lesson.defaultSeverity), path: file.path,
                message: Self.message(entry), action: Self.action(lesson),
                fingerprint: "\(kind)|\(lesson.id)")
        }
    }

    /// "Lesson ls-… (tried by Ada, an agent, on 2026-12-02): “…” — outcome: “…”."
    static func message(_ entry: LessonEntry) -> String {
        let lesson = entry.lesson
        let who = lesson.author + (lesson.byAgent ? ", an agent," : "")
        var text =
            "Lesson \(lesson.id) (\(lesson.kind.rawValue) by \(who) on \(CalendarDate.isoDate(lesson.created))): "
            + "“\(TextShaping.truncated(flattened(lesson.text), 200))”"
        if let outcome = lesson.outcome {
            text +=
                " — \(lesson.kind == .tried ? "outcome" : "why"): “\(TextShaping.truncated(flattened(outcome), 160))”"
        }
        if let doubt = entry.state.doubt { text += " (\(doubt))" }
        return text + "."
    }

    static func action(_ lesson: Lesson) -> String {
        lesson.kind == .tried
            ? "Read what was tried before trying it again (hindsight lesson show \(lesson.id)); if you go ahead, say what is different."
            : "Follow the lesson, or say in the commit message why it does not apply (hindsight lesson show \(lesson.id))."
    }
}

/// Text on one line, its runs of white space collapsed.
func flattened(_ text: String) -> String {
    TextShaping.visible(text).split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
}
