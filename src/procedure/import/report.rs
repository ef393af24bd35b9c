//! The import report: for each source line range, where its content went
//! and what was guessed; what was done to the encoding; totals.

use super::blocks::Lines;
use super::msg::Msg;
use crate::i18n::Lang;
use crate::tr;
use std::fmt::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Mapped to a field.
    Mapped,
    /// Kept as notes (of a step or of the procedure).
    Notes,
    /// A value the importer inferred or defaulted.
    Guess,
    /// Nothing to keep (separators, blank markup).
    Skipped,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub lines: Option<Lines>,
    pub kind: Kind,
    /// Where it went: `step 3 commands`, `[procedure] title`, `notes`.
    pub target: Msg,
    /// How, or what was guessed.
    pub detail: Option<Msg>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Totals {
    pub phases: usize,
    pub steps: usize,
    pub manual_steps: usize,
    pub rollback_steps: usize,
    /// Commands in steps, validations, rollbacks, prerequisites and troubleshooting.
    pub commands: usize,
    pub lines_to_notes: usize,
    pub repaired_segments: usize,
    pub variables: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Report {
    pub source: String,
    /// One sentence per change made to the text's encoding.
    pub encoding: Vec<Msg>,
    pub entries: Vec<Entry>,
    pub totals: Totals,
    pub risks: Risks,
}

/// What an operator must know before running the import: the summary at
/// the end of the report, and what `--strict` counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Risks {
    /// What the document is (procedure, reference, index).
    pub document: Option<super::document::Kind>,
    /// Alternatives and conditions the importer had to decide about.
    pub choices: Vec<Msg>,
    /// Placeholders turned into variables, as written.
    pub placeholders: Vec<String>,
    /// Destructive commands and the step that now asks first.
    pub gated: Vec<Gated>,
    /// Commands that never end, marked interactive.
    pub streaming: Vec<Msg>,
    /// Text taken out of the commands (output, prose, SQL...).
    pub demoted: Vec<Msg>,
    /// Sections with content that produced no step.
    pub sections_without_step: Vec<Msg>,
    /// Commands of a reference document kept as `[[snippets]]`.
    pub snippets: Vec<Msg>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gated {
    pub step: String,
    pub command: String,
    pub pattern: &'static str,
    /// The source already asked for a confirmation.
    pub already: bool,
}

/// A target that is a path of the TOML format (`[procedure] title`,
/// `[[contacts]]`, `quick_checklist`): the same words in every language.
pub fn toml_target(path: &'static str) -> Msg {
    crate::msg!("import-target-toml", path = path)
}

impl Risks {
    /// Things a person must review before the procedure is run.
    pub fn left_to_human(&self) -> usize {
        self.choices.len()
            + self.placeholders.len()
            + self.gated.iter().filter(|g| !g.already).count()
            + self.demoted.len()
            + self.sections_without_step.len()
            + usize::from(
                self.document
                    .is_some_and(|d| d != super::document::Kind::Procedure),
            )
    }
}

impl Report {
    pub fn add(
        &mut self,
        lines: Option<Lines>,
        kind: Kind,
        target: Msg,
        detail: impl Into<Option<Msg>>,
    ) {
        self.entries.push(Entry {
            lines,
            kind,
            target,
            detail: detail.into(),
        });
    }

    pub fn mapped(&mut self, lines: Lines, target: Msg, detail: impl Into<Option<Msg>>) {
        self.add(Some(lines), Kind::Mapped, target, detail);
    }

    pub fn notes(&mut self, lines: Lines, target: Msg, detail: impl Into<Option<Msg>>) {
        self.add(Some(lines), Kind::Notes, target, detail);
    }

    pub fn guess(&mut self, lines: Option<Lines>, target: Msg, detail: impl Into<Option<Msg>>) {
        self.add(lines, Kind::Guess, target, detail);
    }

    /// A separator (`---`) or other markup with nothing to keep.
    pub fn separator(&mut self, lines: Lines) {
        self.add(
            Some(lines),
            Kind::Skipped,
            crate::msg!("import-target-nothing"),
            crate::msg!("import-detail-separator"),
        );
    }

    /// Distinct source lines whose content went to notes.
    pub fn count_note_lines(&self) -> usize {
        let mut lines: Vec<usize> = self
            .entries
            .iter()
            .filter(|e| e.kind == Kind::Notes)
            .filter_map(|e| e.lines)
            .flat_map(|l| l.first..=l.last)
            .collect();
        lines.sort_unstable();
        lines.dedup();
        lines.len()
    }

    /// Entries in source order, consecutive ones with the same target and
    /// kind merged.
    pub fn merged(&self) -> Vec<Entry> {
        let mut sorted: Vec<(usize, &Entry)> = self.entries.iter().enumerate().collect();
        sorted.sort_by_key(|(i, e)| {
            (
                e.lines
                    .map(|l| (l.first, l.last))
                    .unwrap_or((usize::MAX, 0)),
                *i,
            )
        });
        let mut out: Vec<Entry> = Vec::new();
        for (_, e) in sorted {
            if let (Some(last), Some(l)) = (out.last_mut(), e.lines) {
                let adjacent = last.lines.is_some_and(|ll| l.first <= ll.last + 1);
                if adjacent
                    && last.kind == e.kind
                    && last.target == e.target
                    && last.detail == e.detail
                {
                    last.lines = last.lines.map(|ll| ll.join(l));
                    continue;
                }
            }
            out.push(e.clone());
        }
        out
    }

    /// The report in English (what the golden tests compare).
    pub fn render(&self) -> String {
        self.render_in(Lang::En)
    }

    /// The report in `lang`: its frame (titles, line labels, tags, summary,
    /// risk headings) and every text the importer left in it ([`Msg`]s,
    /// rendered here and only here).
    pub fn render_in(&self, lang: Lang) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{}",
            tr!(lang, "import-report-title", source = self.source.as_str())
        );
        if self.encoding.is_empty() {
            let _ = writeln!(s, "{}", tr!(lang, "import-report-encoding-clean"));
        } else {
            for e in &self.encoding {
                let _ = writeln!(
                    s,
                    "{}",
                    tr!(lang, "import-report-encoding", change = e.render(lang))
                );
            }
        }
        let _ = writeln!(s);
        let notes = tr!(lang, "import-report-tag-notes") + " ";
        let guess = tr!(lang, "import-report-tag-guess") + " ";
        let skip = tr!(lang, "import-report-tag-skip") + " ";
        for e in self.merged() {
            let at = match e.lines {
                Some(l) if l.first == l.last => tr!(lang, "import-report-line", line = l.first),
                Some(l) => tr!(lang, "import-report-lines", first = l.first, last = l.last),
                None => "-".to_string(),
            };
            let tag = match e.kind {
                Kind::Mapped => "",
                Kind::Notes => notes.as_str(),
                Kind::Guess => guess.as_str(),
                Kind::Skipped => skip.as_str(),
            };
            let target = e.target.render(lang);
            let detail = match &e.detail {
                Some(d) => format!(": {}", d.render(lang)),
                None => String::new(),
            };
            let _ = writeln!(s, "{at:<14} {tag}-> {target}{detail}");
        }
        let t = &self.totals;
        let summary = tr!(
            lang,
            "import-report-summary",
            steps = t.steps,
            phases = t.phases,
            manual = t.manual_steps,
            rollback = t.rollback_steps,
            commands = t.commands,
            variables = t.variables,
            notes = t.lines_to_notes,
            repaired = t.repaired_segments
        );
        let _ = writeln!(s, "\n{summary}");
        self.render_risks(&mut s, lang);
        s
    }
}

impl Report {
    fn render_risks(&self, s: &mut String, lang: Lang) {
        let r = &self.risks;
        let _ = writeln!(s, "\n{}", tr!(lang, "import-report-risks"));
        if let Some(d) = r.document {
            let _ = writeln!(
                s,
                "  {}",
                tr!(lang, "import-report-document", document = d.name())
            );
        }
        let gated: Vec<String> = r
            .gated
            .iter()
            .map(|g| {
                tr!(
                    lang,
                    "import-risk-gated",
                    step = g.step.as_str(),
                    command = g.command.as_str(),
                    pattern = g.pattern
                )
            })
            .collect();
        let texts = |list: &[Msg]| -> Vec<String> { list.iter().map(|m| m.render(lang)).collect() };
        let groups: [(String, Vec<String>); 7] = [
            (
                tr!(lang, "import-report-gated", count = r.gated.len()),
                gated,
            ),
            (
                tr!(
                    lang,
                    "import-report-placeholders",
                    count = r.placeholders.len()
                ),
                r.placeholders.clone(),
            ),
            (
                tr!(lang, "import-report-choices", count = r.choices.len()),
                texts(&r.choices),
            ),
            (
                tr!(lang, "import-report-streaming", count = r.streaming.len()),
                texts(&r.streaming),
            ),
            (
                tr!(lang, "import-report-demoted", count = r.demoted.len()),
                texts(&r.demoted),
            ),
            (
                tr!(
                    lang,
                    "import-report-no-step",
                    count = r.sections_without_step.len()
                ),
                texts(&r.sections_without_step),
            ),
            (
                tr!(lang, "import-report-snippets", count = r.snippets.len()),
                texts(&r.snippets),
            ),
        ];
        for (n, (title, items)) in groups.into_iter().enumerate() {
            // Snippets exist only in reference documents: said only there.
            if n == 6 && items.is_empty() {
                continue;
            }
            let _ = writeln!(s, "  {title}");
            for i in items {
                let _ = writeln!(s, "    - {i}");
            }
        }
        let _ = writeln!(
            s,
            "  {}",
            tr!(lang, "import-report-left", count = r.left_to_human())
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Report {
        let mut r = Report {
            source: "rb.md".into(),
            ..Report::default()
        };
        let step = |field| {
            let mut t = super::super::step::target(1, field);
            t.resolve_steps(&[(1, "1".to_string())].into_iter().collect());
            t
        };
        r.mapped(Lines::new(3, 5), step("commands"), None);
        r.notes(
            Lines::one(7),
            crate::msg!("import-target-procedure-notes"),
            crate::msg!("import-detail-text"),
        );
        r.guess(
            None,
            toml_target("[procedure] id"),
            crate::msg!("import-detail-no-id", id = "RB"),
        );
        r.mapped(
            Lines::one(9),
            step("commands"),
            crate::msg!("import-detail-from-code", count = 2),
        );
        r.separator(Lines::one(10));
        r.encoding
            .push(crate::msg!("import-encoding-crlf", count = 1));
        r.risks.demoted.push(crate::msg!(
            "import-risk-demoted",
            step = "1",
            command = "...",
            reason = crate::msg!("import-reason-elision")
        ));
        r.totals.steps = 1;
        r.totals.phases = 2;
        r.totals.lines_to_notes = 1;
        r
    }

    #[test]
    fn the_report_is_in_english_and_in_spanish() {
        let en = sample().render_in(Lang::En);
        assert!(
            en.starts_with(
                "pasos import report: rb.md\nencoding: 1 CRLF line ending converted to LF\n"
            ),
            "{en}"
        );
        assert!(en.contains("lines 3-5      -> step 1 commands\n"), "{en}");
        assert!(
            en.contains("-              [guess] -> [procedure] id: no id in the source: `RB` made from the title\n"),
            "{en}"
        );
        assert!(
            en.contains("line 9         -> step 1 commands: 2 from a code block\n"),
            "{en}"
        );
        assert!(
            en.contains("line 10        [skip] -> nothing: separator\n"),
            "{en}"
        );
        assert!(
            en.contains("    - 1: `...` (an elision (`...`), not a command)\n"),
            "{en}"
        );
        assert!(
            en.contains("line 7         [notes] -> procedure notes: text\n"),
            "{en}"
        );
        assert!(
            en.contains("summary: 1 step in 2 phases (0 manual)"),
            "{en}"
        );
        assert!(en.contains("1 line sent to notes"), "{en}");
        assert!(en.contains("\nrisk summary:\n"), "{en}");
        assert!(en.ends_with("  left to a human: 1\n"), "{en}");
        assert_eq!(en, sample().render());

        let es = sample().render_in(Lang::Es);
        assert!(
            es.starts_with(
                "informe de pasos import: rb.md\ncodificación: 1 fin de línea CRLF convertido a LF\n"
            ),
            "{es}"
        );
        assert!(es.contains("líneas 3-5     -> paso 1 commands\n"), "{es}");
        assert!(
            es.contains("línea 7        [notas] -> notas del procedimiento: texto\n"),
            "{es}"
        );
        assert!(
            es.contains(
                "-              [supuesto] -> [procedure] id: el documento no tiene id: `RB`, hecho a partir del título\n"
            ),
            "{es}"
        );
        assert!(
            es.contains("línea 9        -> paso 1 commands: 2 comandos de un bloque de código\n"),
            "{es}"
        );
        assert!(
            es.contains("línea 10       [omitido] -> nada: separador\n"),
            "{es}"
        );
        assert!(
            es.contains("    - 1: `...` (una elisión (`...`), no un comando)\n"),
            "{es}"
        );
        assert!(
            es.contains("resumen: 1 paso en 2 fases (0 manuales)"),
            "{es}"
        );
        assert!(es.contains("1 línea enviada a notas"), "{es}");
        assert!(es.contains("\nresumen de riesgos:\n"), "{es}");
        assert!(es.ends_with("  pendiente de revisión humana: 1\n"), "{es}");
    }
}
