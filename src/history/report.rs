//! The incident / post-mortem report of a run, in Markdown.
