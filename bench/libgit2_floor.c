/* The least any libgit2 program pays for `check --staged`, for bench/run.sh to print beside
 * `git diff --cached`: with an argument, initialise libgit2 (which, as Debian builds 1.5, parses the
 * system CA bundle with mbedTLS), open the repository and diff HEAD's tree against the index;
 * without one, only initialise. Exit status 1 when a libgit2 call fails. */
#include <git2.h>
#include <stdio.h>

int main(int argc, char **argv) {
    git_repository *repo = NULL;
    git_object *tree = NULL;
    git_diff *diff = NULL;
    int failed = 0;

    if (git_libgit2_init() < 0) return 1;
    if (argc > 1) {
        failed = git_repository_open(&repo, argv[1]) < 0
            || git_revparse_single(&tree, repo, "HEAD^{tree}") < 0
            || git_diff_tree_to_index(&diff, repo, (git_tree *)tree, NULL, NULL) < 0;
        if (!failed) printf("%zu\n", git_diff_num_deltas(diff));
    }
    git_diff_free(diff);
    git_object_free(tree);
    git_repository_free(repo);
    git_libgit2_shutdown();
    return failed;
}
