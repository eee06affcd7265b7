"""The `devplan` command: argument parsing (`main`), the build (`build`), the read-only commands (`status`,
`query`), one table printer (`output`) and the supervisor that keeps a build's processes from outliving it
(`supervise`). Nothing here opens DuckDB: the warehouse package does."""
