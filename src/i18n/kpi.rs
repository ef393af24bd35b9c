//! Words of the KPI tables (`pasos kpi`), in Spanish and English.
//!
//! `{}` placeholders are filled in order with `i18n::fill`. Column headers
//! are padded by the renderers, so they may differ in length between the
//! languages. JSON and CSV field names are not translated: they are a
//! stable interface.

use super::Lang;

pub struct KpiTexts {
    /// The language of these words (for what comes from the catalog).
    pub lang: Lang,
    // Messages.
    /// The data dir.
    pub no_runs: &'static str,
    /// Runs in the data dir, the data dir.
    pub no_match: &'static str,
    /// Option name, what was written.
    pub bad_date: &'static str,
    /// `--since` is after `--until`.
    pub bad_range: &'static str,
    /// The data dir, the error.
    pub cannot_read: &'static str,
    /// The error.
    pub index_not_written: &'static str,
    // Unverified journals.
    /// How many.
    pub unverified_one: &'static str,
    pub unverified_many: &'static str,
    /// Run id.
    pub unverified_hint: &'static str,
    // Global figures.
    pub title: &'static str,
    pub procedures: &'static str,
    pub rehearsals_apart: &'static str,
    pub success_rate: &'static str,
    /// Successes, finished.
    pub of_finished: &'static str,
    pub rollback_share: &'static str,
    pub mttr: &'static str,
    /// How many runs the MTTR is the mean of.
    pub mttr_of: &'static str,
    pub mttr_none: &'static str,
    // Procedure figures.
    pub executions: &'static str,
    pub finished: &'static str,
    pub interrupted: &'static str,
    pub open: &'static str,
    pub rehearsals: &'static str,
    pub rollbacks: &'static str,
    pub rollback_avg: &'static str,
    pub deviations: &'static str,
    pub duration: &'static str,
    pub average: &'static str,
    pub median: &'static str,
    pub minimum: &'static str,
    pub maximum: &'static str,
    pub last_execution: &'static str,
    pub none: &'static str,
    // Tables.
    pub col_version: &'static str,
    pub col_executions: &'static str,
    pub col_success: &'static str,
    pub col_average: &'static str,
    pub col_median: &'static str,
    pub col_min: &'static str,
    pub col_max: &'static str,
    pub col_rollbacks: &'static str,
    pub col_deviations: &'static str,
    pub col_step: &'static str,
    pub col_estimate: &'static str,
    pub col_p90: &'static str,
    pub col_over: &'static str,
    pub col_suggested: &'static str,
    pub col_title: &'static str,
    pub steps_title: &'static str,
    /// Minimum samples for a suggestion.
    pub steps_note: &'static str,
    pub over_runs: &'static str,
    pub history_title: &'static str,
    pub col_date: &'static str,
    pub col_operator: &'static str,
    pub col_duration: &'static str,
    pub col_ok: &'static str,
    /// The table's outcome column (the Markdown keeps the template's
    /// `col_ok`).
    pub col_result: &'static str,
    pub col_notes: &'static str,
    pub figure: &'static str,
    pub value: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub deviation_word: &'static str,
    pub interrupted_times: &'static str,
    // Outcomes.
    // --suggest.
    /// The procedures found.
    pub suggest_which: &'static str,
    /// Procedure id.
    pub suggest_no_runs: &'static str,
    /// Procedure id, the sources tried.
    pub suggest_no_file: &'static str,
    /// The file, the error.
    pub suggest_unreadable: &'static str,
    /// The file.
    pub suggest_not_toml: &'static str,
    /// The file, its id, the procedure id.
    pub suggest_other_id: &'static str,
    /// Procedure id, minimum samples.
    pub suggest_nothing: &'static str,
    /// Step id, suggestion.
    pub suggest_no_line: &'static str,
    /// The file.
    pub suggest_apply: &'static str,
}

pub static ES: KpiTexts = KpiTexts {
    lang: Lang::Es,
    no_runs: "No hay ejecuciones verificadas en {}: nada que contar todavía (`pasos run` registra cada ejecución).",
    no_match: "Ninguna ejecución cumple el filtro ({} ejecuciones en {}).",
    bad_date: "pasos: --{} espera una fecha AAAA-MM-DD como 2026-11-01, no `{}`",
    bad_range: "pasos: --since es posterior a --until: no queda ningún día",
    cannot_read: "pasos: no se puede leer {}: {}",
    index_not_written: "aviso: no se pudo actualizar el índice de KPIs ({}); las cifras son correctas, la próxima vez se leerán todos los diarios otra vez",
    unverified_one: "! 1 diario no se verifica y queda fuera de las cifras:",
    unverified_many: "! {} diarios no se verifican y quedan fuera de las cifras:",
    unverified_hint: "revísalo con `pasos log verify {}`",
    title: "Indicadores",
    procedures: "procedimientos",
    rehearsals_apart: "ensayos (no cuentan)",
    success_rate: "éxito",
    of_finished: "{} de {} terminadas",
    rollback_share: "con rollback",
    mttr: "MTTR",
    mttr_of: "resueltos: {}",
    mttr_none: "sin incidentes resueltos",
    executions: "ejecuciones",
    finished: "terminadas",
    interrupted: "interrumpidas",
    open: "abiertas",
    rehearsals: "ensayos",
    rollbacks: "rollbacks",
    rollback_avg: "media",
    deviations: "desviaciones",
    duration: "duración",
    average: "media",
    median: "mediana",
    minimum: "mín",
    maximum: "máx",
    last_execution: "última ejecución",
    none: "—",
    col_version: "VERSIÓN",
    col_executions: "EJEC",
    col_success: "ÉXITO",
    col_average: "MEDIA",
    col_median: "MEDIANA",
    col_min: "MÍN",
    col_max: "MÁX",
    col_rollbacks: "ROLLB",
    col_deviations: "DESV",
    col_step: "PASO",
    col_estimate: "ESTIMADO",
    col_p90: "P90",
    col_over: "EXCEDE",
    col_suggested: "SUGERIDO",
    col_title: "TÍTULO",
    steps_title: "Pasos: duración real frente a la estimada",
    steps_note: "EXCEDE = ejecuciones por encima del estimado; SUGERIDO = de la mediana al p90 (con {} ejecuciones o más); * = `pasos kpi --suggest` lo propone.",
    over_runs: "Los que más se exceden",
    history_title: "Historial de Ejecuciones",
    col_date: "Fecha",
    col_operator: "Ejecutor",
    col_duration: "Duración",
    col_ok: "Éxito",
    col_result: "RESULTADO",
    col_notes: "Notas",
    figure: "Indicador",
    value: "Valor",
    yes: "Sí",
    no: "No",
    deviation_word: "desviación",
    interrupted_times: "interrumpida ×{}",
    suggest_which: "pasos: --suggest trabaja sobre un procedimiento; elige uno con --procedure ID ({})",
    suggest_no_runs: "pasos: no hay ejecuciones de {} que cumplan el filtro",
    suggest_no_file: "pasos: no encuentro el fichero de {}: sus ejecuciones se lanzaron con {} (relativo al directorio desde el que se lanzaron). Ejecuta `pasos kpi --suggest` desde ese directorio, o indica el fichero con --procedure-file FICHERO.",
    suggest_unreadable: "pasos: no se puede leer {}: {}",
    suggest_not_toml: "pasos: {} no es un procedimiento TOML que se pueda editar (--suggest solo cambia ficheros .toml; convierte un runbook Markdown con `pasos import`).",
    suggest_other_id: "pasos: {} es el procedimiento {}, no {}",
    suggest_nothing: "No hay estimaciones que cambiar en {}: cada paso con {} ejecuciones o más ya tiene un estimado que cubre su p90 sin pasarse del doble.",
    suggest_no_line: "aviso: el paso {} no tiene línea `estimate`; añade `estimate = \"{}\"` a mano",
    suggest_apply: "Revisa el diff y aplícalo con `patch -p0 < FICHERO.diff` (o `git apply -p0`) desde este directorio: {}",
};

pub static EN: KpiTexts = KpiTexts {
    lang: Lang::En,
    no_runs: "No verified runs in {}: nothing to count yet (`pasos run` journals every run).",
    no_match: "No run matches the filter ({} runs in {}).",
    bad_date: "pasos: --{} takes a date YYYY-MM-DD like 2026-11-01, not `{}`",
    bad_range: "pasos: --since is after --until: no day is left",
    cannot_read: "pasos: cannot read {}: {}",
    index_not_written: "warning: could not update the KPI index ({}); the figures are right, the next run reads every journal again",
    unverified_one: "! 1 journal does not verify and is left out of the figures:",
    unverified_many: "! {} journals do not verify and are left out of the figures:",
    unverified_hint: "check it with `pasos log verify {}`",
    title: "Key figures",
    procedures: "procedures",
    rehearsals_apart: "rehearsals (not counted)",
    success_rate: "success",
    of_finished: "{} of {} finished",
    rollback_share: "needed a rollback",
    mttr: "MTTR",
    mttr_of: "resolved: {}",
    mttr_none: "no incident resolved",
    executions: "executions",
    finished: "finished",
    interrupted: "interrupted",
    open: "open",
    rehearsals: "rehearsals",
    rollbacks: "rollbacks",
    rollback_avg: "avg",
    deviations: "deviations",
    duration: "duration",
    average: "avg",
    median: "median",
    minimum: "min",
    maximum: "max",
    last_execution: "last execution",
    none: "—",
    col_version: "VERSION",
    col_executions: "RUNS",
    col_success: "SUCCESS",
    col_average: "AVG",
    col_median: "MEDIAN",
    col_min: "MIN",
    col_max: "MAX",
    col_rollbacks: "ROLLB",
    col_deviations: "DEV",
    col_step: "STEP",
    col_estimate: "ESTIMATE",
    col_p90: "P90",
    col_over: "OVER",
    col_suggested: "SUGGESTED",
    col_title: "TITLE",
    steps_title: "Steps: actual duration against the estimate",
    steps_note: "OVER = runs above the estimate; SUGGESTED = from the median to the p90 (with {} runs or more); * = `pasos kpi --suggest` proposes it.",
    over_runs: "Over-run most",
    history_title: "Execution history",
    col_date: "Date",
    col_operator: "Operator",
    col_duration: "Duration",
    col_ok: "Success",
    col_result: "RESULT",
    col_notes: "Notes",
    figure: "Figure",
    value: "Value",
    yes: "Yes",
    no: "No",
    deviation_word: "deviation",
    interrupted_times: "interrupted ×{}",
    suggest_which: "pasos: --suggest works on one procedure; pick it with --procedure ID ({})",
    suggest_no_runs: "pasos: no run of {} matches the filter",
    suggest_no_file: "pasos: cannot find the file of {}: its runs were started with {} (relative to the directory they were started from). Run `pasos kpi --suggest` from that directory, or name the file with --procedure-file FILE.",
    suggest_unreadable: "pasos: cannot read {}: {}",
    suggest_not_toml: "pasos: {} is not a TOML procedure that can be edited (--suggest only changes .toml files; convert a Markdown runbook with `pasos import`).",
    suggest_other_id: "pasos: {} is procedure {}, not {}",
    suggest_nothing: "No estimate to change in {}: every step with {} runs or more already has an estimate that covers its p90 without being more than twice it.",
    suggest_no_line: "warning: step {} has no `estimate` line; add `estimate = \"{}\"` by hand",
    suggest_apply: "Review the diff and apply it with `patch -p0 < FILE.diff` (or `git apply -p0`) from this directory: {}",
};

pub fn kpi_texts(lang: Lang) -> &'static KpiTexts {
    match lang {
        Lang::Es => &ES,
        Lang::En => &EN,
    }
}

impl KpiTexts {
    pub fn status(&self, s: crate::history::kpi::RunStatus) -> String {
        s.word(self.lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_match_between_languages() {
        let pairs = [
            (ES.no_runs, EN.no_runs),
            (ES.no_match, EN.no_match),
            (ES.bad_date, EN.bad_date),
            (ES.cannot_read, EN.cannot_read),
            (ES.index_not_written, EN.index_not_written),
            (ES.unverified_many, EN.unverified_many),
            (ES.unverified_hint, EN.unverified_hint),
            (ES.of_finished, EN.of_finished),
            (ES.mttr_of, EN.mttr_of),
            (ES.steps_note, EN.steps_note),
            (ES.interrupted_times, EN.interrupted_times),
            (ES.suggest_which, EN.suggest_which),
            (ES.suggest_no_runs, EN.suggest_no_runs),
            (ES.suggest_no_file, EN.suggest_no_file),
            (ES.suggest_unreadable, EN.suggest_unreadable),
            (ES.suggest_not_toml, EN.suggest_not_toml),
            (ES.suggest_other_id, EN.suggest_other_id),
            (ES.suggest_nothing, EN.suggest_nothing),
            (ES.suggest_no_line, EN.suggest_no_line),
            (ES.suggest_apply, EN.suggest_apply),
        ];
        crate::i18n::assert_same_placeholders(&pairs);
    }
}
