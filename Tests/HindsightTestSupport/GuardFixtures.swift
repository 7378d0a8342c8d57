/// Guard sets written by hand as `guards mine` would, for end-to-end tests.
public enum GuardFixtures {
    /// `.hindsight/guards.yml` with one accepted `recurring-pattern` guard at severity error on
    /// `strcpy(` calls, anywhere: a staged `strcpy(` line fails `check` at the default `--fail-on`.
    public static let strcpyError = """
        version: 1
        guards:
          - id: hs-00000000c0de
            kind: recurring-pattern
            status: accepted
            severity: error
            scope: []
            match: strcpy(
            message: Fixes kept removing strcpy( calls.
            action: Use strlcpy( instead.
            evidence: []

        """
}
