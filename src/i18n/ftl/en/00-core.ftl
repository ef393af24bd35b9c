# English catalog. One file per area; all files of a language are joined at
# build time. Terms shared by both languages: docs/glossary.md.
# Arguments are named ($step, $count, ...); numbers select plural forms.

# Used by the catalog's own tests.
catalog-selftest = { $count ->
    [one] { $count } step
   *[other] { $count } steps
}
