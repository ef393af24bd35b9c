//! Finding your way in the checklist: `/` searches the rows (id, title,
//! commands) with next/previous match, `:` jumps to a step by its id.
//! Plain functions over the rows the checklist shows; the app keeps the
//! last query and moves the selection.

use crate::run::{Engine, Item, ItemKind};
use crate::tr;
use crate::tui::app::App;

/// Does `item` match `query` (case-insensitive, already lowercased):
/// its id, its step's id and title, or the text of its commands.
pub fn matches(engine: &Engine, item: &Item, query: &str) -> bool {
    if query.is_empty() {
        return false;
    }
    let step = engine.step_of(item);
    let hit = |s: &str| s.to_lowercase().contains(query);
    hit(&item.id)
        || hit(&step.id)
        || hit(&step.title)
        || engine.commands_of(item).iter().any(|c| hit(&c.run))
}

/// The row positions of `rows` that match, in order.
pub fn hits(engine: &Engine, rows: &[usize], query: &str) -> Vec<usize> {
    let q = query.trim().to_lowercase();
    let items = &engine.state().items;
    rows.iter()
        .enumerate()
        .filter(|(_, n)| matches(engine, &items[**n], &q))
        .map(|(pos, _)| pos)
        .collect()
}

/// The match after (forward) or before `from`, wrapping around.
pub fn next_hit(hits: &[usize], from: usize, forward: bool) -> Option<usize> {
    if forward {
        hits.iter()
            .copied()
            .find(|h| *h > from)
            .or_else(|| hits.first().copied())
    } else {
        hits.iter()
            .rev()
            .copied()
            .find(|h| *h < from)
            .or_else(|| hits.last().copied())
    }
}

/// The row of the step called `id`: the item id as shown (`3`, `R2`), or
/// an undo by its step's id with a `<`/`↶`/`undo:` prefix. Case does not
/// matter.
pub fn row_of(engine: &Engine, rows: &[usize], id: &str) -> Option<usize> {
    let want = id.trim();
    let items = &engine.state().items;
    let undo = ["↶", "<", "undo:", "undo "]
        .iter()
        .find_map(|p| want.strip_prefix(p))
        .map(str::trim);
    rows.iter().position(|n| {
        let item = &items[*n];
        match (undo, item.kind) {
            (Some(of), ItemKind::Undo { .. }) => engine.step_of(item).id.eq_ignore_ascii_case(of),
            (Some(_), _) => false,
            (None, _) => item.id.eq_ignore_ascii_case(want),
        }
    })
}

impl App {
    /// Runs a new search from the selection on; an empty query repeats
    /// the last one.
    pub fn search(&mut self, query: String) {
        if !query.trim().is_empty() {
            self.search = Some(query);
        }
        self.search_step(true, true);
    }

    /// Moves to the next (or previous) match of the last search.
    /// `fresh`: the selected row itself counts as a match.
    pub fn search_step(&mut self, forward: bool, fresh: bool) {
        let lang = self.lang;
        let Some(query) = self.search.clone() else {
            let key = self
                .keymap
                .hint(
                    crate::tui::keymap::Mode::Checklist,
                    crate::tui::keymap::Action::Search,
                )
                .unwrap_or_default();
            self.warn(tr!(lang, "nav-search-none", key = key));
            return;
        };
        let rows = self.rows();
        let found = hits(&self.engine, &rows, &query);
        let from = if fresh {
            // Start just before the selection, so it can match itself.
            if forward {
                self.selected.checked_sub(1)
            } else {
                Some(self.selected + 1)
            }
        } else {
            Some(self.selected)
        };
        let target = match from {
            Some(f) => next_hit(&found, f, forward),
            None => found.first().copied(),
        };
        match target {
            Some(pos) => {
                self.select_row(pos);
                let n = found.iter().position(|h| *h == pos).unwrap_or(0) + 1;
                self.say(tr!(
                    lang,
                    "nav-search-hit",
                    query = query.as_str(),
                    n = n,
                    count = found.len()
                ));
            }
            None => self.warn(tr!(lang, "nav-search-miss", query = query.as_str())),
        }
        self.status_nav = true;
    }

    /// Selects the step called `id`.
    pub fn jump(&mut self, id: &str) {
        let rows = self.rows();
        match row_of(&self.engine, &rows, id) {
            Some(pos) => {
                self.select_row(pos);
                self.clear_status();
            }
            None => {
                self.warn(tr!(self.lang, "nav-jump-miss", step = id.trim()));
                self.status_nav = true;
            }
        }
    }

    /// The selection moves to `pos` by the operator's choice: the list
    /// stops following the active step.
    pub fn select_row(&mut self, pos: usize) {
        self.follow = false;
        self.selected = pos;
        self.detail_scroll = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_and_previous_wrap_around() {
        let hits = [2, 5, 9];
        assert_eq!(next_hit(&hits, 5, true), Some(9));
        assert_eq!(next_hit(&hits, 9, true), Some(2));
        assert_eq!(next_hit(&hits, 5, false), Some(2));
        assert_eq!(next_hit(&hits, 2, false), Some(9));
        assert_eq!(next_hit(&[], 0, true), None);
    }
}
