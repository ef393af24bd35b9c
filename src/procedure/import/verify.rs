//! The check `pasos import` runs on what it wrote. A TOML up to the size
//! `pasos check` reads by default is loaded again whole and checked, as
//! `pasos check` would. A larger one (a 50 MB runbook gives a 55 MB
//! TOML) would need more memory to load whole than the import itself
//! (the TOML parser keeps every token and event of the document): it is
//! parsed in pieces of whole top-level tables instead, which proves it is
//! TOML, and the procedure the import built is validated and linted with
//! the same rules `pasos check` applies, against that TOML for positions.

use crate::diagnostic::{self, Diagnostic, SourceText};
use crate::procedure::{Loaded, Procedure, check_string, lint, source_file, validate};

/// Above this, the TOML is checked in pieces (`pasos check`'s default cap).
pub const WHOLE_UP_TO: usize = source_file::PROCEDURE_CAP as usize;

/// Pieces of about this size are parsed one at a time.
const PIECE: usize = 1 << 20;

/// Checks the TOML an import wrote for `procedure`.
pub fn check_emitted(procedure: Procedure, toml: String) -> Loaded {
    check_emitted_with(procedure, toml, WHOLE_UP_TO)
}

fn check_emitted_with(procedure: Procedure, toml: String, whole_up_to: usize) -> Loaded {
    if toml.len() <= whole_up_to {
        drop(procedure);
        return check_string(toml);
    }
    let source = SourceText::new(toml);
    let mut diagnostics = syntax_in_pieces(source.text());
    if diagnostics.is_empty() {
        diagnostics.extend(validate::validate(&procedure, &source));
        diagnostics.extend(lint::lint(&procedure, &source));
    }
    diagnostic::sort(&mut diagnostics);
    Loaded {
        procedure: None,
        source,
        diagnostics,
    }
}

/// Parses `text` in pieces cut before top-level table headers, each piece
/// about [`PIECE`] bytes; one error per piece that is not TOML.
fn syntax_in_pieces(text: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut start = 0;
    for cut in header_starts(text)
        .filter(|&at| at > 0)
        .chain(std::iter::once(text.len()))
    {
        if cut - start < PIECE && cut < text.len() {
            continue;
        }
        let piece = &text[start..cut];
        let (_, errors) = toml::de::DeTable::parse_recoverable(piece);
        if let Some(e) = errors.first() {
            let span = e.span().map(|s| start + s.start..start + s.end);
            out.push(Diagnostic::error(
                "toml-syntax",
                format!("the imported TOML does not parse: {}", e.message()),
                span,
            ));
        }
        start = cut;
    }
    out
}

/// Byte offsets of the lines that open a top-level table with a one-part
/// name (`[procedure]`, `[[phases]]`; not `[[phases.steps]]`, which
/// belongs with the phase before it), found with the TOML lexer so text
/// inside multi-line strings never counts.
fn header_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    use toml_parser::lexer::TokenKind;
    /// Where the lexer is in a line that may open a header.
    enum At {
        /// At the start of a line.
        LineStart,
        /// After the opening bracket(s) of a header at `usize`.
        Open(usize),
        /// After the header's first key.
        Key(usize),
        /// Elsewhere.
        Other,
    }
    let mut at = At::LineStart;
    toml_parser::Source::new(text)
        .lex()
        .filter_map(move |token| {
            let kind = token.kind();
            let (next, found) = match (&at, kind) {
                (_, TokenKind::Newline) => (At::LineStart, None),
                (At::LineStart, TokenKind::LeftSquareBracket) => {
                    (At::Open(token.span().start()), None)
                }
                (At::Open(s), TokenKind::LeftSquareBracket | TokenKind::Whitespace) => {
                    (At::Open(*s), None)
                }
                (
                    At::Open(s),
                    TokenKind::Atom | TokenKind::LiteralString | TokenKind::BasicString,
                ) => (At::Key(*s), None),
                (At::Key(s), TokenKind::Whitespace) => (At::Key(*s), None),
                (At::Key(s), TokenKind::RightSquareBracket) => (At::Other, Some(*s)),
                _ => (At::Other, None),
            };
            at = next;
            found
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::procedure::import::{Options, import_str};

    fn corpus() -> Vec<(String, String)> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "md") && !p.ends_with("SOURCES.md"))
            .collect();
        files.sort();
        files
            .into_iter()
            .map(|p| {
                let text = String::from_utf8_lossy(&std::fs::read(&p).unwrap()).into_owned();
                (p.display().to_string(), text)
            })
            .collect()
    }

    fn codes(l: &Loaded) -> Vec<(bool, &'static str)> {
        let mut v: Vec<_> = l
            .diagnostics
            .iter()
            .map(|d| (d.is_error(), d.code))
            .collect();
        v.sort();
        v
    }

    #[test]
    fn in_pieces_finds_what_the_whole_check_finds_on_the_corpus() {
        for (name, md) in corpus() {
            let imported = import_str(&md, &Options::default());
            let whole = check_string(imported.toml.clone());
            let pieces = check_emitted_with(imported.procedure, imported.toml, 0);
            assert_eq!(codes(&whole), codes(&pieces), "{name}");
        }
    }

    #[test]
    fn headers_inside_multiline_strings_are_not_cuts() {
        let text = "a = 1\n[procedure]\nnotes = '''\n[[phases]]\n'''\n[[phases]]\nid = 'x'\n[[phases.steps]]\n[ \"rollback\" ]\n";
        let cuts: Vec<usize> = header_starts(text).collect();
        assert_eq!(cuts, vec![6, 45, 82]);
        assert_eq!(&text[45..55], "[[phases]]");
    }

    #[test]
    fn a_broken_piece_is_an_error_at_its_place() {
        let mut text = String::new();
        for i in 0..30_000 {
            text.push_str(&format!("[[phases]]\nid = 'P{i}'\ntitle = 'fase {i}'\n"));
        }
        let at = text.len();
        text.push_str("[[phases]]\nid = 'roto\n");
        let found = syntax_in_pieces(&text);
        assert_eq!(found.len(), 1, "{found:?}");
        let span = found[0].span.clone().unwrap();
        assert!(span.start >= at, "{span:?} before {at}");
        assert!(syntax_in_pieces(&text[..at]).is_empty());
    }
}
