//! Source text with a line index, to turn byte offsets into `line:col`.

/// A 1-based line and column (column counted in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub col: usize,
}

/// The text of one file plus the byte offset where each line starts.
#[derive(Debug, Clone)]
pub struct SourceText {
    text: String,
    line_starts: Vec<usize>,
}

impl SourceText {
    pub fn new(text: impl Into<String>) -> Self {
        let text = text.into();
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceText { text, line_starts }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Position of a byte offset; offsets past the end clamp to the end and
    /// offsets inside a multi-byte character snap back to its start.
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line_index = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line_index];
        let col = self.text[start..offset].chars().count() + 1;
        Position {
            line: line_index + 1,
            col,
        }
    }

    /// The text of a 1-based line, without its line terminator.
    pub fn line(&self, line: usize) -> &str {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1)) else {
            return "";
        };
        let end = self
            .line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_not_bytes() {
        let src = SourceText::new("a = 1\ntítulo = 2\n");
        assert_eq!(src.position(0), Position { line: 1, col: 1 });
        let off = src.text().find("= 2").unwrap();
        assert_eq!(src.position(off), Position { line: 2, col: 8 });
        assert_eq!(src.line(2), "título = 2");
        assert_eq!(src.line(9), "");
    }

    #[test]
    fn offsets_past_the_end_and_inside_chars_do_not_panic() {
        let src = SourceText::new("ñ");
        assert_eq!(src.position(1), Position { line: 1, col: 1 });
        assert_eq!(src.position(99), Position { line: 1, col: 2 });
    }
}
