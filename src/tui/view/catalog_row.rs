//! One row of the catalog list: the columns at this width and the text of
//! each cell (ages and due dates counted from the catalog's today).

use super::style::cell;
use crate::catalog::Entry;
use crate::catalog::index::{frequency_word, percent};
use crate::i18n::Lang;
use crate::tr;
use chrono::{DateTime, Local, NaiveDate, Utc};

const FREQUENCY: usize = 10;
const ESTIMATE: usize = 8;
const AGE: usize = 10;
const SUCCESS: usize = 7;
const REVIEW: usize = 9;
/// Below this the title is left to the detail lines.
const MIN_TITLE: usize = 12;

pub struct Columns {
    pub id: usize,
    /// 0: no title column.
    pub title: usize,
    pub frequency: usize,
    pub estimate: usize,
    pub age: usize,
}

impl Columns {
    /// `longest_id`: the widest id among the entries.
    pub fn at(width: usize, longest_id: usize) -> Columns {
        let narrow = width < 100;
        let (frequency, estimate, age) = if narrow {
            (FREQUENCY, ESTIMATE - 2, AGE)
        } else {
            (FREQUENCY, ESTIMATE, AGE)
        };
        let id = longest_id.clamp(8, 24);
        // mark + space, then a space before each column but the first.
        let fixed = 2 + id + 6 + frequency + estimate + 2 * age + SUCCESS + REVIEW;
        let title = width.saturating_sub(fixed + 1);
        Columns {
            id,
            title: if title >= MIN_TITLE { title } else { 0 },
            frequency,
            estimate,
            age,
        }
    }

    pub fn header(&self, lang: Lang) -> String {
        let mut s = format!("  {}", cell(&tr!(lang, "catalog-head-id"), self.id));
        if self.title > 0 {
            s.push(' ');
            s.push_str(&cell(&tr!(lang, "catalog-head-title"), self.title));
        }
        s.push_str(&format!(
            " {} {} {} {} {} {}",
            cell(&tr!(lang, "catalog-head-frequency"), self.frequency),
            cell(&tr!(lang, "catalog-head-estimate"), self.estimate),
            cell(&tr!(lang, "catalog-head-last"), self.age),
            right(&tr!(lang, "catalog-head-success"), SUCCESS),
            cell(&tr!(lang, "catalog-head-test"), self.age),
            cell(&tr!(lang, "catalog-head-review"), REVIEW),
        ));
        s
    }

    pub fn row(&self, e: &Entry, today: NaiveDate, lang: Lang) -> String {
        let h = &e.history;
        let mark = if e.review_overdue { '!' } else { ' ' };
        let mut s = format!("{mark} {}", cell(&e.id, self.id));
        if self.title > 0 {
            s.push(' ');
            s.push_str(&cell(&e.title, self.title));
        }
        s.push_str(&format!(
            " {} {} {} {} {} {}",
            cell(&frequency_word(lang, e.frequency), self.frequency),
            cell(
                &e.estimate.map_or("-".into(), |e| e.to_string()),
                self.estimate
            ),
            cell(&age(h.last_execution, today, lang), self.age),
            right(&h.success_rate.map_or("-".into(), percent), SUCCESS),
            cell(&age(h.last_test, today, lang), self.age),
            cell(&due(e, today, lang), REVIEW),
        ));
        s
    }
}

fn right(s: &str, width: usize) -> String {
    let s = super::style::fit(s, width);
    format!("{s:>width$}")
}

/// `hace 3 d` / `3 d ago`, `hoy` / `today`; `-` when never.
pub fn age(at: Option<DateTime<Utc>>, today: NaiveDate, lang: Lang) -> String {
    match at {
        None => "-".into(),
        Some(t) => {
            let days = (today - t.with_timezone(&Local).date_naive())
                .num_days()
                .max(0);
            tr!(lang, "catalog-age", days = days)
        }
    }
}

/// `en 40 d` / `in 40 d`, `vencida` / `overdue`, `sin fecha` / `no date`.
pub fn due(e: &Entry, today: NaiveDate, lang: Lang) -> String {
    match e.review.days_left(today) {
        None => tr!(lang, "catalog-due-never"),
        Some(d) if d < 0 => tr!(lang, "catalog-due-overdue"),
        Some(d) => tr!(lang, "catalog-due-in", days = d),
    }
}
