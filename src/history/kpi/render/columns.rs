//! Aligned columns for the plain-text table, fitted to a width: the last
//! column is cut (with `…`) so each line fits.

/// How a column's cells line up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A table with a header row; every row has one cell per column.
pub struct Columns {
    pub headers: Vec<String>,
    pub align: Vec<Align>,
    pub rows: Vec<Vec<String>>,
}

fn width(s: &str) -> usize {
    s.chars().count()
}

impl Columns {
    pub fn new<S: AsRef<str>>(headers: &[S], align: &[Align]) -> Columns {
        Columns {
            headers: headers.iter().map(|h| h.as_ref().to_string()).collect(),
            align: align.to_vec(),
            rows: Vec::new(),
        }
    }

    pub fn push(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }

    /// The lines, each starting with `indent` and at most `max` characters
    /// wide when the columns before the last allow it.
    pub fn render(&self, indent: &str, max: usize) -> Vec<String> {
        let n = self.headers.len();
        let mut widths: Vec<usize> = self.headers.iter().map(|h| width(h)).collect();
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate().take(n) {
                widths[i] = widths[i].max(width(cell));
            }
        }
        let before_last: usize =
            widths[..n - 1].iter().map(|w| w + 2).sum::<usize>() + width(indent);
        let last = max.saturating_sub(before_last).max(8);
        widths[n - 1] = widths[n - 1].min(last);
        std::iter::once(&self.headers)
            .chain(self.rows.iter())
            .map(|row| {
                let mut line = indent.to_string();
                for (i, cell) in row.iter().enumerate().take(n) {
                    let cell = super::abridge(cell, widths[i]);
                    let pad = widths[i] - width(&cell);
                    let is_last = i + 1 == n;
                    match self.align[i] {
                        Align::Right => {
                            line.push_str(&" ".repeat(pad));
                            line.push_str(&cell);
                        }
                        Align::Left => {
                            line.push_str(&cell);
                            if !is_last {
                                line.push_str(&" ".repeat(pad));
                            }
                        }
                    }
                    if !is_last {
                        line.push_str("  ");
                    }
                }
                line.trim_end().to_string()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_and_cuts_the_last_column() {
        let mut c = Columns::new(
            &["ID", "N", "TITLE"],
            &[Align::Left, Align::Right, Align::Left],
        );
        c.push(vec![
            "P1".into(),
            "7".into(),
            "a title far too long to fit".into(),
        ]);
        c.push(vec!["10".into(), "123".into(), "short".into()]);
        let lines = c.render("  ", 24);
        assert_eq!(lines[0], "  ID    N  TITLE");
        assert_eq!(lines[1], "  P1    7  a title far …");
        assert_eq!(lines[2], "  10  123  short");
        assert!(lines.iter().all(|l| l.chars().count() <= 24));
    }
}
