//! Trigger sections (alerts, conditions, `Cuándo ejecutar`) and severity
//! levels.

use super::{cells, col, strip_bold};
use crate::procedure::import::blocks::BlockKind;
use crate::procedure::import::builder::{Builder, Ctx};
use crate::procedure::import::classify::Role;
use crate::procedure::import::inline::plain;
use crate::procedure::import::report::toml_target;
use crate::procedure::import::sections::Section;
use crate::procedure::import::{classify, duration, inline};
use crate::procedure::keyword::TriggerKind;
use crate::procedure::model::{SeverityLevel, Trigger};

impl Builder<'_, '_> {
    pub fn trigger_section(&mut self, s: &Section<'_>, kind: Option<TriggerKind>, ctx: &Ctx) {
        self.heading_to(s, toml_target("[[triggers]]"));
        let action_hint = s
            .title
            .rfind('(')
            .and_then(|i| s.title[i + 1..].strip_suffix(')'))
            .map(str::to_string)
            .filter(|a| duration::whole(a).is_none() && !classify::norm(a).contains("cuando"));
        for b in &s.blocks {
            match &b.kind {
                BlockKind::Table { head, rows } => {
                    let head = cells(head);
                    let name = col(
                        &head,
                        &[
                            "trigger",
                            "disparador",
                            "alerta",
                            "senal",
                            "evento",
                            "nombre",
                            "name",
                            "signal",
                        ],
                    );
                    let cond = col(
                        &head,
                        &[
                            "descripcion",
                            "condicion",
                            "condition",
                            "description",
                            "umbral",
                            "threshold",
                            "criterio",
                        ],
                    );
                    let action = col(&head, &["accion", "action", "respuesta"]);
                    let decides = col(&head, &["decision", "decide", "quien", "aprob", "who"]);
                    let (name, cond) = match (name, cond) {
                        (Some(n), Some(c)) => (n, c),
                        (Some(n), None) => (n, if n == 0 { 1 } else { 0 }),
                        (None, Some(c)) => (if c == 0 { 1 } else { 0 }, c),
                        (None, None) => (0, 1),
                    };
                    for row in rows {
                        let r = cells(row);
                        let get = |i: usize| r.get(i).map(|s| strip_bold(s)).unwrap_or_default();
                        let n = get(name);
                        let mut c = get(cond);
                        if c.is_empty() {
                            c = n.clone();
                        }
                        if c.is_empty() {
                            continue;
                        }
                        let k = kind.unwrap_or(if decides.is_some() {
                            TriggerKind::Manual
                        } else {
                            TriggerKind::Automatic
                        });
                        self.p.triggers.push(Trigger {
                            kind: k,
                            name: if n.is_empty() { c.clone() } else { n },
                            condition: c,
                            action: action
                                .map(get)
                                .or_else(|| action_hint.clone())
                                .unwrap_or_default(),
                            decides: decides.map(get).filter(|d| !d.is_empty()),
                        });
                    }
                    if kind.is_none() {
                        self.report.guess(
                            Some(b.lines),
                            toml_target("[[triggers]]"),
                            crate::msg!("import-detail-trigger-kind-guessed"),
                        );
                    }
                    self.report.mapped(
                        b.lines,
                        toml_target("[[triggers]]"),
                        crate::msg!("import-detail-table-rows", count = rows.len()),
                    );
                }
                BlockKind::List { items, .. } => {
                    for item in items {
                        let (name, cond) = match inline::label(item.head()) {
                            Some((l, v)) => (l, plain(&v)),
                            None => {
                                let t = plain(item.head()).replace('\n', " ");
                                (t.clone(), t)
                            }
                        };
                        if cond.trim().is_empty() && name.trim().is_empty() {
                            continue;
                        }
                        let cond = if cond.trim().is_empty() {
                            name.clone()
                        } else {
                            cond
                        };
                        self.p.triggers.push(Trigger {
                            kind: kind.unwrap_or(TriggerKind::Manual),
                            name,
                            condition: cond,
                            action: action_hint.clone().unwrap_or_default(),
                            decides: None,
                        });
                    }
                    self.report.mapped(
                        b.lines,
                        toml_target("[[triggers]]"),
                        crate::msg!("import-detail-list-count", count = items.len()),
                    );
                }
                _ => self.note_block(b),
            }
        }
        for c in &s.children {
            match c.role {
                Role::Triggers(k) => self.trigger_section(c, k.or(kind), ctx),
                Role::Generic => self.trigger_section(c, kind, ctx),
                _ => self.walk(c, ctx),
            }
        }
    }

    pub fn severity_section(&mut self, s: &Section<'_>, ctx: &Ctx) {
        self.heading_to(s, toml_target("[[severity]]"));
        for b in &s.blocks {
            match &b.kind {
                BlockKind::Table { head, rows } => {
                    let head = cells(head);
                    let level = col(
                        &head,
                        &[
                            "nivel",
                            "level",
                            "severidad",
                            "severity",
                            "sev",
                            "prioridad",
                            "priority",
                        ],
                    )
                    .unwrap_or(0);
                    let desc = col(
                        &head,
                        &[
                            "descripcion",
                            "description",
                            "impacto",
                            "impact",
                            "nombre",
                            "name",
                        ],
                    );
                    let response = col(&head, &["respuesta", "response"]);
                    let resolution = col(&head, &["resolucion", "resolution"]);
                    let examples = col(&head, &["accion", "action", "ejemplo", "example"]);
                    for row in rows {
                        let r = cells(row);
                        let get = |i: usize| r.get(i).map(|s| strip_bold(s)).unwrap_or_default();
                        let lv = get(level);
                        if lv.is_empty() {
                            continue;
                        }
                        let resp_text = response.map(get).unwrap_or_default();
                        let res_text = resolution.map(get).unwrap_or_default();
                        let mut sev = SeverityLevel {
                            level: lv.clone(),
                            name: None,
                            description: desc.map(get).filter(|d| !d.is_empty()),
                            response: duration::find(&resp_text).map(|f| f.estimate),
                            resolution: duration::find(&res_text).map(|f| f.estimate),
                            examples: examples
                                .map(get)
                                .filter(|e| !e.is_empty())
                                .into_iter()
                                .collect(),
                        };
                        for (what, text, got) in [
                            ("response", &resp_text, sev.response),
                            ("resolution", &res_text, sev.resolution),
                        ] {
                            if !text.is_empty() {
                                match got {
                                    Some(e) => self.report.guess(
                                        Some(b.lines),
                                        crate::msg!("import-target-severity", level = lv.clone()),
                                        crate::msg!(
                                            "import-detail-severity-time",
                                            field = what,
                                            value = text.clone(),
                                            to = e.to_string()
                                        ),
                                    ),
                                    None => sev.examples.push(format!("{what}: {text}")),
                                }
                            }
                        }
                        self.p.severities.push(sev);
                    }
                    self.report.mapped(
                        b.lines,
                        toml_target("[[severity]]"),
                        crate::msg!("import-detail-table-rows", count = rows.len()),
                    );
                }
                _ => self.note_block(b),
            }
        }
        let child_ctx = Ctx {
            role: Role::Generic,
            ..ctx.clone()
        };
        for c in &s.children {
            self.walk(c, &child_ctx);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::procedure::import::{Options, import_str};

    #[test]
    fn a_severity_table_becomes_levels() {
        let md = "# Incidentes\n\n## Niveles de Severidad\n\n| Nivel | Descripción | Respuesta |\n|---|---|---|\n\
| SEV1 | Caída total | 15 minutos |\n| SEV2 | Degradación | 1 hora |\n\n## Paso 1: Diagnosticar\n\n```bash\n./diag.sh\n```\n";
        let p = import_str(md, &Options::default()).procedure;
        let levels: Vec<&str> = p.severities.iter().map(|s| s.level.as_str()).collect();
        assert_eq!(levels, ["SEV1", "SEV2"]);
    }
}
