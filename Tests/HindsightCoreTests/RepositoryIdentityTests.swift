import HindsightCore
import Testing

/// The identity an export gives a repository from its remote: host/owner/name, never credentials.
@Suite struct RepositoryIdentityTests {
    @Test(arguments: [
        ("https://github.com/psf/requests.git", "github.com/psf/requests"),
        ("https://bot:token@GitHub.com/Acme/Beta/", "github.com/acme/beta"),
        ("git@github.com:BurntSushi/ripgrep.git", "github.com/burntsushi/ripgrep"),
        ("ssh://git@gitlab.example.org:2222/group/sub/project.git", "gitlab.example.org/group/sub/project"),
    ])
    func remotesNameTheirHostAndPath(url: String, identity: String) {
        #expect(RepositoryIdentity.fromRemote(url) == identity)
    }

    @Test func localPathsNameNothing() {
        #expect(RepositoryIdentity.fromRemote("/work/.mirror/git+git/repo") == nil)
        #expect(RepositoryIdentity.fromRemote("../sibling") == nil)
        #expect(RepositoryIdentity.fromRemote("https://host-only") == nil)
    }
}
