//! Markdown runbooks -> procedures. The users' template maps field by
//! field; free-form runbooks go through heuristics; broken encodings are
//! repaired first. Nothing is dropped: what fits no field becomes notes,
//! and the [`report::Report`] says where every source line went and what
//! was guessed.
//!
//! Pipeline: [`encoding`] (bytes -> text, mojibake repair) ->
//! [`frontmatter`] -> [`blocks`] (pulldown-cmark) -> [`sections`] ->
//! [`builder`] with [`template`], [`freeform`], [`extras`], [`step`] ->
//! [`finish`] (ids, variables, defaults) -> [`emit`] (TOML).

mod alternative;
pub mod blocks;
mod branches;
mod builder;
mod chunk;
mod classify;
mod decision;
pub mod document;
mod duration;
pub mod emit;
pub mod encoding;
mod extras;
mod fence;
mod finish;
mod freeform;
mod frontmatter;
pub mod inline;
pub mod mojibake;
pub mod msg;
pub mod report;
mod safety;
mod sections;
mod shell;
mod snippets;
mod step;
mod template;
mod text;
pub mod verify;

use crate::procedure::model::Procedure;
use report::Report;

/// How to import.
#[derive(Debug, Clone)]
pub struct Options {
    /// Repair mojibake (`--no-repair` turns it off).
    pub repair: bool,
    /// The file name shown in the report and the TOML header.
    pub source_name: String,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            repair: true,
            source_name: "runbook.md".into(),
        }
    }
}

/// The result of an import: the procedure, its TOML text, and the report.
#[derive(Debug, Clone)]
pub struct Imported {
    pub procedure: Procedure,
    pub toml: String,
    pub report: Report,
}

/// Imports a Markdown runbook from raw bytes (any of the encodings
/// [`encoding::decode`] understands). Never panics.
pub fn import_bytes(bytes: &[u8], options: &Options) -> Imported {
    let decoded = encoding::decode(bytes, options.repair);
    let mut imported = import_text(decoded.text, options, decoded.changes);
    imported.report.totals.repaired_segments = decoded.repaired_segments;
    imported
}

/// Compiles, on a thread of its own, the regular expressions the import
/// and the check of its TOML will need, while the caller reads and
/// decodes the input: about 50 million instructions, 5 % of a 1 MB import
/// on one core. A pattern still compiling when the import reaches it is
/// waited for, never compiled twice (`OnceLock`).
pub fn warm_up() {
    let _ = std::thread::Builder::new()
        .name("warm-up".into())
        .spawn(|| {
            crate::procedure::lint::warm();
            safety::placeholder::warm();
            shell::warm();
            duration::warm();
        });
}

/// [`import_bytes`] of bytes the caller gives up (the CLI's file): plain
/// UTF-8 becomes the text without a copy, so a large file is held once.
pub fn import_vec(bytes: Vec<u8>, options: &Options) -> Imported {
    let decoded = encoding::decode_vec(bytes, options.repair);
    let mut imported = import_text(decoded.text, options, decoded.changes);
    imported.report.totals.repaired_segments = decoded.repaired_segments;
    imported
}

/// Imports Markdown that is already text. Line endings and mojibake are
/// handled as for bytes.
pub fn import_str(text: &str, options: &Options) -> Imported {
    import_bytes(text.as_bytes(), options)
}

fn import_text(owned: String, options: &Options, changes: Vec<msg::Msg>) -> Imported {
    let text = owned.as_str();
    let (front, body) = frontmatter::split(text);
    let src = text::Src::new(text);
    let mut blocks = blocks::parse(&body);
    let swallowed = blocks::reopen_swallowed(&body, &mut blocks);
    let root = sections::build(&blocks);
    let report = Report {
        source: options.source_name.clone(),
        encoding: changes,
        ..Report::default()
    };
    let mut b = builder::Builder::new(&src, report);
    front_matter(&mut b, &front);
    for lines in swallowed {
        b.report.guess(
            Some(lines),
            crate::msg!("import-target-sections"),
            crate::msg!("import-detail-unclosed-fence"),
        );
        b.report.risks.demoted.push(crate::msg!(
            "import-risk-unclosed-fence",
            first = lines.first,
            last = lines.last
        ));
    }
    unparsed_lines(&mut b, &src, &blocks, &front);

    let title_index = root.children.iter().position(|c| c.level == 1);
    if let Some(i) = title_index {
        let heading = &root.children[i].title;
        let (id, title) = split_id(heading);
        if let (Some(id), true) = (id, b.p.meta.id.is_empty()) {
            b.p.meta.id = id;
            b.report.add(
                root.children[i].heading.map(|h| h.lines),
                report::Kind::Mapped,
                report::toml_target("[procedure] id"),
                crate::msg!("import-detail-id-from-title"),
            );
        }
        if b.p.meta.title.is_empty() {
            b.p.meta.title = title;
        }
    }
    let whole_title = b.p.meta.title.clone();
    b.rollback_doc = classify::is_rollback_title(&whole_title)
        || b.p.meta.category == Some(crate::procedure::keyword::Category::Rollback);
    let document = document::classify(&whole_title, &blocks);
    b.build(&root, title_index);
    // The block tree is several times the size of the input: free it
    // before the procedure and its TOML are made.
    drop(root);
    drop(blocks);
    drop(body);
    let stem = std::path::Path::new(&options.source_name)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("")
        .to_string();
    let (procedure, report) = finish::finish(b, &stem, document);
    // The procedure owns its text: the source goes before the TOML is
    // written, and the memory the block tree held goes back to the system
    // (freed small blocks otherwise stay with the allocator, and the TOML
    // of a large document is a new allocation on top of them).
    drop(src);
    drop(owned);
    release_freed_memory();
    let header = vec![
        format!("Imported by `pasos import` from {}.", options.source_name),
        "`pasos import --report` lists where each source line went and what was guessed."
            .to_string(),
    ];
    let toml = emit::to_toml(&procedure, &header);
    Imported {
        procedure,
        toml,
        report,
    }
}

/// Gives memory freed by the allocator back to the system (glibc keeps
/// freed small blocks for reuse; a 50 MB import frees hundreds of MB of
/// them when its block tree goes).
fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free memory; it touches no live
    // allocation.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Lines no block covers (link reference definitions, which the Markdown
/// parser consumes silently) are kept as notes.
fn unparsed_lines(
    b: &mut builder::Builder<'_, '_>,
    src: &text::Src<'_>,
    blocks: &[blocks::Block],
    front: &[frontmatter::FrontMatter],
) {
    let total = text_lines(src);
    let mut covered = vec![false; total + 2];
    let mut mark = |l: blocks::Lines| {
        let last = l.last.min(total);
        if l.first <= last {
            covered[l.first..=last].iter_mut().for_each(|c| *c = true);
        }
    };
    blocks.iter().for_each(|bl| mark(bl.lines));
    front.iter().for_each(|f| mark(f.lines));
    let mut n = 1;
    while n <= total {
        if covered[n] || src.raw(blocks::Lines::one(n)).trim().is_empty() {
            n += 1;
            continue;
        }
        let start = n;
        while n <= total && !covered[n] {
            n += 1;
        }
        let lines = blocks::Lines::new(start, n - 1);
        let text = src.raw(lines);
        if matches!(text.trim(), "<!--~" | "-->") {
            b.report.add(
                Some(lines),
                report::Kind::Skipped,
                crate::msg!("import-target-nothing"),
                crate::msg!("import-detail-rundown-hidden"),
            );
        } else if !text.trim().is_empty() {
            b.p.notes.push(text);
            b.report.add(
                Some(lines),
                report::Kind::Notes,
                crate::msg!("import-target-procedure-notes"),
                crate::msg!("import-detail-unparsed"),
            );
        }
    }
}

fn text_lines(src: &text::Src<'_>) -> usize {
    src.count()
}

/// `RB-001: Despliegue` -> (`RB-001`, `Despliegue`).
fn split_id(heading: &str) -> (Option<String>, String) {
    let Some((head, rest)) = heading.split_once(':') else {
        return (None, heading.to_string());
    };
    let head = head.trim();
    let is_id = head.contains('-')
        && head.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && head
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
        && !rest.trim().is_empty();
    if is_id {
        (Some(head.to_string()), rest.trim().to_string())
    } else {
        (None, heading.to_string())
    }
}

fn front_matter(b: &mut builder::Builder<'_, '_>, front: &[frontmatter::FrontMatter]) {
    for fm in front {
        match fm.kind {
            frontmatter::Kind::Yaml => {
                for pair in &fm.pairs {
                    let lines = Some(blocks::Lines::one(pair.line));
                    let value = pair.value.joined();
                    let used = match template::meta_field(&pair.key) {
                        Some(template::MetaField::Reviewers) | Some(template::MetaField::Tags)
                            if matches!(pair.value, frontmatter::Value::List(_)) =>
                        {
                            template::apply_meta(
                                &mut b.p.meta,
                                template::meta_field(&pair.key).expect("matched"),
                                &value,
                                lines,
                                &mut b.report,
                            )
                        }
                        Some(f) => {
                            template::apply_meta(&mut b.p.meta, f, &value, lines, &mut b.report)
                        }
                        None => false,
                    };
                    if !used {
                        b.p.notes.push(format!("{}: {value}", pair.key));
                        let what = match template::meta_field(&pair.key) {
                            Some(_) => crate::msg!(
                                "import-detail-front-matter-unused",
                                key = pair.key.clone(),
                                value = value.clone()
                            ),
                            None => crate::msg!(
                                "import-detail-front-matter-key",
                                key = pair.key.clone()
                            ),
                        };
                        b.report.add(
                            lines,
                            report::Kind::Notes,
                            crate::msg!("import-target-procedure-notes"),
                            what,
                        );
                    }
                }
                b.report.add(
                    Some(fm.lines),
                    report::Kind::Mapped,
                    report::toml_target("[procedure]"),
                    crate::msg!("import-detail-yaml-front-matter"),
                );
            }
            frontmatter::Kind::Toml => {
                b.p.notes.push(format!("+++\n{}\n+++", fm.raw));
                b.report.add(
                    Some(fm.lines),
                    report::Kind::Notes,
                    crate::msg!("import-target-procedure-notes"),
                    crate::msg!("import-detail-toml-front-matter"),
                );
            }
            frontmatter::Kind::Shebang => {
                b.p.notes.push(fm.raw.clone());
                b.report.add(
                    Some(fm.lines),
                    report::Kind::Notes,
                    crate::msg!("import-target-procedure-notes"),
                    crate::msg!("import-detail-shebang"),
                );
            }
        }
    }
}
