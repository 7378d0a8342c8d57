/// How many lessons each area has and how many each month added and retired, for the stability
/// report and `hindsight health`.
public struct LessonCounts: Hashable, Sendable {
    /// Lessons per area (a directory cut to two components; "" for the root and the whole
    /// repository), most lessons first.
    public var areas: [Area]
    /// Lessons written and retired per month, oldest first.
    public var months: [Month]

    /// Counts from their parts.
    public init(areas: [Area] = [], months: [Month] = []) {
        self.areas = areas
        self.months = months
    }

    /// Whether there is no lesson at all.
    public var isEmpty: Bool { areas.isEmpty }

    /// One area's lessons.
    public struct Area: Hashable, Sendable {
        /// The directory ("" for the root and lessons about the whole repository).
        public var directory: RepoPath
        /// Lessons in force (active, stale or gone).
        public var inForce: Int
        /// Of those, how many may be stale.
        public var stale: Int
        /// Retired or expired ones, kept in their files.
        public var retired: Int

        /// An area from its parts.
        public init(directory: RepoPath, inForce: Int, stale: Int, retired: Int) {
            self.directory = directory
            self.inForce = inForce
            self.stale = stale
            self.retired = retired
        }
    }

    /// One month's lessons.
    public struct Month: Hashable, Sendable {
        /// `YYYY-MM`, UTC.
        public var month: String
        /// Lessons written that month.
        public var added: Int
        /// Lessons retired that month.
        public var retired: Int

        /// A month from its parts.
        public init(month: String, added: Int, retired: Int) {
            self.month = month
            self.added = added
            self.retired = retired
        }
    }
}

/// The counts of `entries`: each lesson in every area its paths fall in, each month by when lessons
/// were written and retired.
public func lessonCounts(_ entries: [LessonEntry]) -> LessonCounts {
    var areas: [RepoPath: LessonCounts.Area] = [:]
    var months: [String: LessonCounts.Month] = [:]
    for entry in entries {
        let directories = entry.lesson.paths.isEmpty ? [RepoPath("")] : Array(Set(entry.lesson.paths.map(lessonArea)))
        for directory in directories {
            var area = areas[directory] ?? LessonCounts.Area(directory: directory, inForce: 0, stale: 0, retired: 0)
            if entry.state.isInForce { area.inForce += 1 } else { area.retired += 1 }
            if entry.state.name == "stale" { area.stale += 1 }
            areas[directory] = area
        }
        let written = CalendarDate.isoMonth(entry.lesson.created)
        months[written, default: LessonCounts.Month(month: written, added: 0, retired: 0)].added += 1
        if let retirement = entry.lesson.retirement {
            let month = CalendarDate.isoMonth(retirement.time)
            months[month, default: LessonCounts.Month(month: month, added: 0, retired: 0)].retired += 1
        }
    }
    return LessonCounts(
        areas: areas.values.sorted {
            ($1.inForce + $1.retired, $0.directory) < ($0.inForce + $0.retired, $1.directory)
        },
        months: months.values.sorted { $0.month < $1.month })
}
