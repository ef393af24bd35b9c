//! Rendering diagnostics for machines (`--format json`).

use super::{Diagnostic, SourceText};
use serde::Serialize;

/// The diagnostics of one checked file, ready to serialize.
#[derive(Debug, Serialize)]
pub struct FileReport {
    pub file: String,
    pub ok: bool,
    pub errors: usize,
    pub warnings: usize,
    pub diagnostics: Vec<JsonDiagnostic>,
}

#[derive(Debug, Serialize)]
pub struct JsonDiagnostic {
    pub severity: &'static str,
    pub code: &'static str,
    pub message: String,
    pub line: Option<usize>,
    pub col: Option<usize>,
    pub snippet: Option<String>,
    pub hint: Option<String>,
}

impl FileReport {
    pub fn new(file: &str, source: &SourceText, diagnostics: &[Diagnostic], strict: bool) -> Self {
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        let warnings = diagnostics.len() - errors;
        FileReport {
            file: file.to_string(),
            ok: errors == 0 && !(strict && warnings > 0),
            errors,
            warnings,
            diagnostics: diagnostics
                .iter()
                .map(|d| {
                    let pos = d.span.as_ref().map(|s| source.position(s.start));
                    JsonDiagnostic {
                        severity: d.severity.as_str(),
                        code: d.code,
                        message: d.message.clone(),
                        line: pos.map(|p| p.line),
                        col: pos.map(|p| p.col),
                        snippet: pos.map(|p| source.line(p.line).to_string()),
                        hint: d.hint.clone(),
                    }
                })
                .collect(),
        }
    }
}

/// All reports as one pretty JSON document.
pub fn render_json(reports: &[FileReport]) -> String {
    serde_json::to_string_pretty(reports).unwrap_or_else(|_| "[]".to_string())
}
