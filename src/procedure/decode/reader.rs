//! Reading a spanned TOML table field by field, collecting every problem
//! instead of stopping at the first. Each table records which keys were
//! asked for; whatever is left over is an unknown key, reported with a
//! did-you-mean from the keys that were asked for.

use crate::diagnostic::{Diagnostic, Span};
use crate::procedure::estimate::{ESTIMATE_HINT, Estimate};
use crate::procedure::keyword::Keyword;
use crate::procedure::model::Command;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

pub type Value<'a, 'i> = &'a Spanned<DeValue<'i>>;

/// Where diagnostics accumulate while decoding, with the source text they
/// are about.
pub struct Sink<'t> {
    pub diagnostics: Vec<Diagnostic>,
    pub text: &'t str,
    /// The id of every step in the file, to suggest a free one.
    pub step_ids: std::collections::HashSet<String>,
    /// Steps read so far, to suggest the next number.
    pub steps_read: usize,
}

impl<'t> Sink<'t> {
    pub fn new(text: &'t str) -> Self {
        Sink {
            diagnostics: Vec::new(),
            text,
            step_ids: Default::default(),
            steps_read: 0,
        }
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    /// The source text of a span, or `""`.
    pub fn source(&self, span: &Span) -> &'t str {
        self.text.get(span.clone()).unwrap_or("")
    }

    /// The 1-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        let end = offset.min(self.text.len());
        self.text.as_bytes()[..end]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1
    }

    /// The header a table was opened with (`[phases.steps.rollback]`), when
    /// it was written as a header rather than inline.
    pub fn header(&self, span: &Span) -> Option<&'t str> {
        let s = self.source(span).trim();
        s.starts_with('[').then_some(s)
    }
}

/// A string with the span of its TOML value.
#[derive(Debug, Clone)]
pub struct Text {
    pub value: String,
    pub span: Span,
}

/// One TOML table being read.
pub struct Table<'a, 'i> {
    entries: &'a DeTable<'i>,
    /// Where to point when a required key is missing; `None` for the file.
    at: Option<Span>,
    /// How messages name this table: `[procedure]`, `step \`P1\``.
    pub label: String,
    asked: Vec<&'static str>,
    /// The table this one was opened inside, for keys of the enclosing
    /// table written after this table's header.
    parent: Option<Parent>,
    /// Keys of this table written in the wrong place (and reported there):
    /// not reported missing as well.
    elsewhere: Vec<&'static str>,
}

/// The enclosing table of a table opened with a header.
struct Parent {
    /// How hints name it: "the step".
    what: &'static str,
    /// How hints name the inner table: "the rollback".
    inner: &'static str,
    keys: &'static [&'static str],
    /// The header of the inner table, as written.
    header: String,
}

pub fn type_name(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

impl<'a, 'i> Table<'a, 'i> {
    pub fn new(entries: &'a DeTable<'i>, at: Option<Span>, label: impl Into<String>) -> Self {
        Table {
            entries,
            at,
            label: label.into(),
            asked: Vec::new(),
            parent: None,
            elsewhere: Vec::new(),
        }
    }

    /// `keys` are written elsewhere (and reported there as unknown).
    pub fn written_elsewhere(&mut self, keys: Vec<&'static str>) {
        self.elsewhere = keys;
    }

    /// Marks this table (`inner`) as opened inside `what` (whose keys are `keys`):
    /// when it was written with a header, a key of `what` that lands here
    /// gets a hint to move it above the header.
    pub fn inside(
        &mut self,
        sink: &Sink,
        inner: &'static str,
        what: &'static str,
        keys: &'static [&'static str],
    ) {
        if let Some(header) = self.at.as_ref().and_then(|at| sink.header(at)) {
            self.parent = Some(Parent {
                what,
                inner,
                keys,
                header: header.to_string(),
            });
        }
    }

    pub fn at(&self) -> Option<Span> {
        self.at.clone()
    }

    /// Span to report against: the table's, or the start of the file.
    pub fn anchor(&self) -> Span {
        self.at.clone().unwrap_or(0..0)
    }

    pub fn relabel(&mut self, label: impl Into<String>) {
        self.label = label.into();
    }

    pub fn value(&mut self, key: &'static str) -> Option<Value<'a, 'i>> {
        self.asked.push(key);
        self.entries
            .iter()
            .find(|(k, _)| k.get_ref().as_ref() == key)
            .map(|(_, v)| v)
    }

    pub fn has(&self, key: &str) -> bool {
        self.entries
            .iter()
            .any(|(k, _)| k.get_ref().as_ref() == key)
    }

    /// Whether `key` is absent but written misspelt or in Spanish: that is
    /// reported once, as an unknown key, not also as a missing one.
    pub fn misspelt(&self, key: &str) -> bool {
        !self.has(key)
            && self.entries.iter().any(|(k, _)| {
                let k = k.get_ref().as_ref();
                spanish_key(k) == Some(key) || did_you_mean(k, &[key]).is_some()
            })
    }

    /// The keys present, in file order, with their spans.
    pub fn keys(&self) -> impl Iterator<Item = (&'a str, Span)> + '_ {
        self.entries
            .iter()
            .map(|(k, _)| (k.get_ref().as_ref(), k.span()))
    }

    /// Marks `key` as read, so [`Table::finish`] does not report it.
    pub fn consume(&mut self, key: &'static str) {
        self.asked.push(key);
    }

    pub fn wrong_type(&self, sink: &mut Sink, key: &str, v: Value<'_, '_>, expected: &str) {
        let hint = type_hint(key, sink.source(&v.span()), v.get_ref(), expected);
        self.wrong_type_with(sink, key, v, expected, hint);
    }

    fn wrong_type_with(
        &self,
        sink: &mut Sink,
        key: &str,
        v: Value<'_, '_>,
        expected: &str,
        hint: String,
    ) {
        sink.push(
            Diagnostic::error(
                "wrong-type",
                format!(
                    "`{key}` in {} must be {expected}, not {}",
                    self.label,
                    type_name(v.get_ref())
                ),
                Some(v.span()),
            )
            .with_hint(hint),
        );
    }

    pub fn missing(&self, sink: &mut Sink, key: &str, example: &str) {
        if self.misspelt(key) || self.elsewhere.contains(&key) {
            return;
        }
        sink.push(
            Diagnostic::error(
                "missing-key",
                format!("{} has no `{key}`", self.label),
                self.at.clone(),
            )
            .with_hint(format!("add `{key} = {example}`")),
        );
    }

    pub fn string(&mut self, sink: &mut Sink, key: &'static str) -> Option<Text> {
        let v = self.value(key)?;
        match v.get_ref() {
            DeValue::String(s) => Some(Text {
                value: s.to_string(),
                span: v.span(),
            }),
            _ => {
                self.wrong_type(sink, key, v, "a string");
                None
            }
        }
    }

    pub fn required_string(
        &mut self,
        sink: &mut Sink,
        key: &'static str,
        example: &str,
    ) -> Option<Text> {
        if !self.has(key) {
            self.asked.push(key);
            self.missing(sink, key, example);
            return None;
        }
        let t = self.string(sink, key)?;
        if t.value.trim().is_empty() {
            sink.push(
                Diagnostic::error(
                    "empty-value",
                    format!("`{key}` in {} is empty", self.label),
                    Some(t.span.clone()),
                )
                .with_hint(format!("write a value, e.g. `{key} = {example}`")),
            );
        }
        Some(t)
    }

    pub fn text(&mut self, sink: &mut Sink, key: &'static str) -> Option<String> {
        self.string(sink, key).map(|t| t.value)
    }

    pub fn bool(&mut self, sink: &mut Sink, key: &'static str) -> Option<bool> {
        let v = self.value(key)?;
        match v.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                self.wrong_type(sink, key, v, "a boolean");
                None
            }
        }
    }

    pub fn integer(&mut self, sink: &mut Sink, key: &'static str) -> Option<i64> {
        let v = self.value(key)?;
        match v.get_ref() {
            DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
                Ok(n) => Some(n),
                Err(_) => {
                    sink.push(Diagnostic::error(
                        "bad-value",
                        format!("`{key}` in {} is out of range", self.label),
                        Some(v.span()),
                    ));
                    None
                }
            },
            _ => {
                self.wrong_type(sink, key, v, "an integer");
                None
            }
        }
    }

    /// A string or an array of strings.
    pub fn strings(&mut self, sink: &mut Sink, key: &'static str) -> Vec<Text> {
        let Some(v) = self.value(key) else {
            return Vec::new();
        };
        match v.get_ref() {
            DeValue::String(s) => vec![Text {
                value: s.to_string(),
                span: v.span(),
            }],
            DeValue::Array(items) => items
                .iter()
                .filter_map(|item| match item.get_ref() {
                    DeValue::String(s) => Some(Text {
                        value: s.to_string(),
                        span: item.span(),
                    }),
                    _ => {
                        self.wrong_type(sink, key, item, "a string (every item of the array)");
                        None
                    }
                })
                .collect(),
            _ => {
                self.wrong_type(sink, key, v, "a string or an array of strings");
                Vec::new()
            }
        }
    }

    pub fn texts(&mut self, sink: &mut Sink, key: &'static str) -> Vec<String> {
        self.strings(sink, key)
            .into_iter()
            .map(|t| t.value)
            .collect()
    }

    pub fn estimate(&mut self, sink: &mut Sink, key: &'static str) -> Option<(Estimate, Span)> {
        if let Some(v) = self.value(key)
            && let DeValue::Integer(_) | DeValue::Float(_) = v.get_ref()
        {
            let hint = match v.get_ref() {
                DeValue::Integer(_) => format!(
                    "write `{key} = \"{}m\"` (a duration is text with its unit: h, m or s)",
                    sink.source(&v.span()).trim()
                ),
                _ => ESTIMATE_HINT.to_string(),
            };
            self.wrong_type_with(sink, key, v, "a string", hint);
            return None;
        }
        let t = self.string(sink, key)?;
        match Estimate::parse(&t.value) {
            Ok(e) => Some((e, t.span)),
            Err(err) => {
                let hint = match crate::procedure::estimate::suggest(&t.value) {
                    Some(s) => format!("write `{key} = \"{s}\"`"),
                    None => ESTIMATE_HINT.to_string(),
                };
                sink.push(
                    Diagnostic::error(
                        "bad-duration",
                        format!(
                            "`{}` is not a duration (`{key}` in {}): {}",
                            t.value, self.label, err.0
                        ),
                        Some(t.span),
                    )
                    .with_hint(hint),
                );
                None
            }
        }
    }

    pub fn keyword<K: Keyword>(&mut self, sink: &mut Sink, key: &'static str) -> Option<K> {
        let t = self.string(sink, key)?;
        match K::parse(&t.value) {
            Some(k) => Some(k),
            None => {
                sink.push(bad_keyword::<K>(&t, &self.label));
                None
            }
        }
    }

    /// A sub-table; a value of another type is reported.
    pub fn table(
        &mut self,
        sink: &mut Sink,
        key: &'static str,
        label: impl Into<String>,
    ) -> Option<Table<'a, 'i>> {
        let v = self.value(key)?;
        match v.get_ref() {
            DeValue::Table(t) => Some(Table::new(t, Some(v.span()), label)),
            _ => {
                self.wrong_type(sink, key, v, "a table");
                None
            }
        }
    }

    /// An array of tables (`[[key]]`); a single table is accepted too.
    pub fn tables(&mut self, sink: &mut Sink, key: &'static str) -> Vec<(Table<'a, 'i>, Span)> {
        let Some(v) = self.value(key) else {
            return Vec::new();
        };
        match v.get_ref() {
            DeValue::Table(t) => vec![(Table::new(t, Some(v.span()), key), v.span())],
            DeValue::Array(items) => items
                .iter()
                .filter_map(|item| match item.get_ref() {
                    DeValue::Table(t) => Some((Table::new(t, Some(item.span()), key), item.span())),
                    _ => {
                        self.wrong_type(sink, key, item, "a table (every item of the array)");
                        None
                    }
                })
                .collect(),
            _ => {
                self.wrong_type(sink, key, v, "an array of tables, written `[[key]]`");
                Vec::new()
            }
        }
    }

    /// Commands: a string, an array of strings, or tables with `run`.
    pub fn commands(&mut self, sink: &mut Sink, key: &'static str) -> Vec<Command> {
        let Some(v) = self.value(key) else {
            return Vec::new();
        };
        match v.get_ref() {
            DeValue::Array(items) => items
                .iter()
                .filter_map(|item| self.command_item(sink, key, item))
                .collect(),
            _ => self.command_item(sink, key, v).into_iter().collect(),
        }
    }

    pub fn command(&mut self, sink: &mut Sink, key: &'static str) -> Option<Command> {
        let v = self.value(key)?;
        self.command_item(sink, key, v)
    }

    fn command_item(&self, sink: &mut Sink, key: &str, item: Value<'a, 'i>) -> Option<Command> {
        match item.get_ref() {
            DeValue::String(s) => Some(Command {
                run: s.to_string(),
                span: item.span(),
                ..Command::default()
            }),
            DeValue::Table(t) => {
                let mut table =
                    Table::new(t, Some(item.span()), format!("a command of {}", self.label));
                let run = table.required_string(sink, "run", "\"systemctl status api\"");
                let name = table.text(sink, "name");
                let interactive = table.bool(sink, "interactive").unwrap_or(false);
                let timeout = table.estimate(sink, "timeout").map(|(e, _)| e);
                table.finish(sink);
                run.map(|run| Command {
                    run: run.value,
                    name,
                    interactive,
                    timeout,
                    span: run.span,
                })
            }
            _ => {
                self.wrong_type(
                    sink,
                    key,
                    item,
                    "a string, an array of strings, or tables with `run`",
                );
                None
            }
        }
    }

    /// Reports every key nobody asked for.
    pub fn finish(self, sink: &mut Sink) {
        for (k, _) in self.entries.iter() {
            let key = k.get_ref().as_ref();
            if self.asked.contains(&key) {
                continue;
            }
            let mut d = Diagnostic::error(
                "unknown-key",
                format!("unknown key `{key}` in {}", self.label),
                Some(k.span()),
            );
            let at_top = self.label == "the file";
            let hint = if let Some(parent) = self.parent.as_ref().filter(|p| p.keys.contains(&key))
            {
                Some(format!(
                    "`{key}` is a key of {what}: keys after a `{header}` header belong to {inner}, so move it above that header",
                    what = parent.what,
                    header = parent.header,
                    inner = parent.inner,
                ))
            } else if !at_top && ROOT_KEYS.contains(&key) {
                Some(format!(
                    "`{key}` is a top-level key: in TOML, keys after a `[header]` belong to that table, so move it above the first header"
                ))
            } else if at_top && METADATA_KEYS.contains(&key) {
                Some(format!(
                    "`{key}` belongs in [procedure]: move it below the `[procedure]` header"
                ))
            } else {
                match spanish_key(key).filter(|k| self.asked.contains(k)) {
                    Some(english) => Some(format!("keys are in English: write `{english}`")),
                    None => did_you_mean(key, &self.asked).map(|b| format!("did you mean `{b}`?")),
                }
            };
            d = match hint {
                Some(h) => d.with_hint(h),
                None => {
                    let mut known: Vec<&str> = self.asked.clone();
                    known.sort_unstable();
                    known.dedup();
                    d.with_hint(format!("known keys here: {}", known.join(", ")))
                }
            };
            sink.push(d);
        }
    }
}

/// Keys of the file's top level.
pub const ROOT_KEYS: &[&str] = &[
    "procedure",
    "purpose",
    "prerequisites",
    "variables",
    "triggers",
    "severity",
    "phases",
    "rollback",
    "decision",
    "troubleshooting",
    "contacts",
    "quick_checklist",
    "references",
    "snippets",
    "notes",
];

/// Keys of `[procedure]`.
pub const METADATA_KEYS: &[&str] = &[
    "id",
    "title",
    "category",
    "criticality",
    "frequency",
    "estimate",
    "version",
    "updated",
    "author",
    "reviewers",
    "environment",
    "rto",
    "rpo",
    "tags",
    "allow",
    "approval",
];

/// Keys of a step.
pub const STEP_KEYS: &[&str] = &[
    "id",
    "title",
    "estimate",
    "criticality",
    "instructions",
    "warning",
    "commands",
    "expected",
    "validation",
    "on_failure",
    "rollback",
    "confirm",
    "manual",
    "notes",
    "allow",
    "approval",
    "choice",
    "options",
    "condition",
];

/// Keys of a phase.
pub const PHASE_KEYS: &[&str] = &["id", "kind", "title", "budget", "steps"];

pub use crate::diagnostic::did_you_mean;

/// `text` is not one of the spellings of `K`: did-you-mean and the list.
pub fn bad_keyword<K: Keyword>(t: &Text, label: &str) -> Diagnostic {
    let options = K::canonical_spellings();
    let d = Diagnostic::error(
        "bad-value",
        format!("`{}` is not a {} (in {label})", t.value, K::WHAT),
        Some(t.span.clone()),
    );
    let list = options.join(", ");
    match did_you_mean(&crate::procedure::keyword::fold(&t.value), &options) {
        Some(best) => d.with_hint(format!("did you mean `{best}`? accepted: {list}")),
        None => d.with_hint(format!("accepted: {list}")),
    }
}

/// Spanish keys the users' Markdown template uses, and the English key:
/// the one list of the procedure's keys in Spanish.
pub fn spanish_key(key: &str) -> Option<&'static str> {
    let english = match crate::procedure::keyword::fold(key)
        .replace('-', "_")
        .as_str()
    {
        "titulo" => "title",
        "categoria" | "tipo" => "category",
        "criticidad" => "criticality",
        "frecuencia" => "frequency",
        "tiempo_estimado" | "duracion" | "duracion_estimada" | "estimado" => "estimate",
        "ultima_actualizacion" | "actualizado" => "updated",
        "autor" => "author",
        "revisores" => "reviewers",
        "ambiente" | "entorno" => "environment",
        "pasos" => "steps",
        "fases" => "phases",
        "comandos" => "commands",
        "resultado_esperado" | "esperado" => "expected",
        "validacion" => "validation",
        "si_falla" => "on_failure",
        "instrucciones" => "instructions",
        "notas" => "notes",
        "aprobacion" | "aprobaciones" => "approval",
        "presupuesto" => "budget",
        "secreto" => "secret",
        "nombre" => "name",
        "pregunta" => "question",
        "accion" => "action",
        "sintomas" => "symptoms",
        "causa" => "cause",
        "solucion" => "solution",
        "prerequisitos" | "prerrequisitos" | "requisitos" => "prerequisites",
        "manual" => "manual",
        "procedimiento" | "metadatos" => "procedure",
        "proposito" => "purpose",
        "impacto" => "impact",
        "disparadores" | "activadores" => "triggers",
        "severidad" | "severidades" => "severity",
        "reversion" | "marcha_atras" => "rollback",
        "decisiones" | "arbol_de_decision" | "arbol_de_decisiones" => "decision",
        "solucion_de_problemas" | "problemas" | "diagnostico" => "troubleshooting",
        "contactos" => "contacts",
        "lista_rapida" | "checklist" | "lista_de_verificacion" => "quick_checklist",
        "referencias" => "references",
        "identificador" => "id",
        "etiquetas" => "tags",
        "variable" => "variables",
        "paso" => "steps",
        "fase" => "phases",
        "tipo_de_fase" => "kind",
        "cuando" => "when",
        "grupo" => "group",
        "elementos" => "items",
        "rol" => "role",
        "contacto" => "contact",
        "nivel" => "level",
        "descripcion" => "description",
        "ejemplos" => "examples",
        "condicion" => "condition",
        "si" => "yes",
        "problema" => "problem",
        "salida" => "output",
        "codigo_de_salida" | "codigo" => "exit_code",
        "comando" => "command",
        "confirmar" => "confirm",
        "ayuda" => "prompt",
        "por_defecto" | "valor_por_defecto" => "default",
        "patron" => "pattern",
        "eleccion" | "opcion" | "alternativa" => "choice",
        "opciones" | "alternativas" => "options",
        "advertencia" | "aviso" => "warning",
        "fragmentos" | "referencia" | "chuleta" => "snippets",
        "texto" => "text",
        _ => return None,
    };
    Some(english)
}

/// How to fix a value of the wrong type, written for `key` and the value
/// as it is in the source (`raw`).
fn type_hint(key: &str, raw: &str, v: &DeValue<'_>, expected: &str) -> String {
    let raw = raw.trim();
    let item = expected.contains("every item");
    if expected.starts_with("a string") {
        return match v {
            DeValue::Integer(_) | DeValue::Float(_) | DeValue::Boolean(_) | DeValue::Datetime(_) => {
                if item {
                    format!("put it in quotes: `\"{raw}\"`")
                } else {
                    format!("write `{key} = \"{raw}\"`")
                }
            }
            DeValue::Table(_) if key == "expected" => "`expected` is text for the operator (`expected = \"...\"`); to check the output or the exit code, write `validation = { output = \"...\", exit_code = 0 }`".to_string(),
            DeValue::Table(_) => format!("`{key}` takes text, not a table: write `{key} = \"...\"`"),
            DeValue::Array(_) if expected == "a string" => {
                format!("`{key}` takes one text, not a list: write `{key} = \"...\"`")
            }
            _ => format!("write it in quotes, e.g. `{key} = \"...\"`"),
        };
    }
    match expected {
        "a boolean" => {
            let guess = match v {
                DeValue::String(s) => match crate::procedure::keyword::fold(s).as_str() {
                    "si" | "yes" | "true" | "verdadero" | "1" => Some(true),
                    "no" | "false" | "falso" | "0" => Some(false),
                    _ => None,
                },
                DeValue::Integer(_) => match raw {
                    "1" => Some(true),
                    "0" => Some(false),
                    _ => None,
                },
                _ => None,
            };
            match guess {
                Some(b) => format!("write `{key} = {b}`, without quotes"),
                None => format!("write `{key} = true` or `{key} = false`, without quotes"),
            }
        }
        "an integer" => match v {
            DeValue::String(s) if s.trim().parse::<i64>().is_ok() => {
                format!("write `{key} = {}`, without quotes", s.trim())
            }
            _ => format!("write a whole number without quotes, e.g. `{key} = 0`"),
        },
        e if e.starts_with("an array of tables") => {
            "write each item as its own `[[section]]` block".into()
        }
        "a table" => "write it as a `[section]` block or an inline table `{ ... }`".into(),
        _ => format!("expected {expected}"),
    }
}
