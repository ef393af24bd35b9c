//! "Did you mean": the closest known word to a misspelt one.

/// The closest candidate, when it is close enough to be a misspelling:
/// at most one edit per three characters, or very similar (Jaro-Winkler).
pub fn did_you_mean<'c>(word: &str, candidates: &[&'c str]) -> Option<&'c str> {
    let lower = word.to_lowercase();
    let max_edits = (word.chars().count() / 3).max(1);
    candidates
        .iter()
        .filter(|c| !c.is_empty() && **c != word)
        .map(|c| {
            let edits = strsim::osa_distance(&lower, &c.to_lowercase());
            let close = strsim::jaro_winkler(&lower, &c.to_lowercase());
            (edits, close, *c)
        })
        .filter(|(edits, close, _)| *edits <= max_edits || *close >= 0.9)
        .min_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)))
        .map(|(_, _, c)| c)
}
