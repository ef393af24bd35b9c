//! Splitting a code block into the commands it holds: quotes, heredocs,
//! `if`/`for` blocks, `\` and `|` continuations kept together.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// One logical command (possibly several lines).
    Command(String),
    /// A full-line comment, without changes.
    Comment(String),
    Blank,
}

#[derive(Default)]
struct Lexer {
    single: bool,
    double: bool,
    backtick: bool,
    paren: i64,
    brace: i64,
    keywords: i64,
    case: i64,
    heredocs: Vec<(String, bool)>,
}

impl Lexer {
    fn complete(&self, line: &str) -> bool {
        let t = line.trim_end();
        let continued = t.ends_with('\\') && !t.ends_with("\\\\")
            || t.ends_with('|')
            || t.ends_with("&&")
            || t.ends_with("||");
        !self.single
            && !self.double
            && !self.backtick
            && self.paren <= 0
            && self.brace <= 0
            && self.keywords <= 0
            && self.heredocs.is_empty()
            && !continued
    }

    fn scan(&mut self, line: &str) {
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        let mut command_position = !self.double && !self.single && !self.backtick;
        while i < chars.len() {
            let c = chars[i];
            if self.single {
                if c == '\'' {
                    self.single = false;
                }
                i += 1;
                continue;
            }
            if self.double {
                match c {
                    '\\' => i += 1,
                    '"' => self.double = false,
                    _ => {}
                }
                i += 1;
                continue;
            }
            if self.backtick {
                match c {
                    '\\' => i += 1,
                    '`' => self.backtick = false,
                    _ => {}
                }
                i += 1;
                continue;
            }
            let word_start =
                i == 0 || chars[i - 1].is_whitespace() || ";&|(".contains(chars[i - 1]);
            match c {
                '\\' => i += 1,
                '\'' => self.single = true,
                '"' => self.double = true,
                '`' => self.backtick = true,
                '#' if word_start => break,
                '(' => {
                    self.paren += 1;
                    command_position = true;
                }
                ')' if !(self.case > 0 && self.paren <= 0) => {
                    self.paren -= 1;
                }
                ';' | '&' | '|' => command_position = true,
                '<' if chars.get(i + 1) == Some(&'<') && chars.get(i + 2) == Some(&'<') => {
                    i += 3;
                    continue;
                }
                '<' if chars.get(i + 1) == Some(&'<') => {
                    let mut j = i + 2;
                    let strip = chars.get(j) == Some(&'-');
                    if strip {
                        j += 1;
                    }
                    while chars.get(j).is_some_and(|c| *c == ' ') {
                        j += 1;
                    }
                    let quote = chars.get(j).copied().filter(|c| *c == '\'' || *c == '"');
                    if quote.is_some() {
                        j += 1;
                    }
                    let start = j;
                    while chars
                        .get(j)
                        .is_some_and(|c| c.is_alphanumeric() || *c == '_' || *c == '-')
                    {
                        j += 1;
                    }
                    if j > start {
                        let word: String = chars[start..j].iter().collect();
                        self.heredocs.push((word, strip));
                        if quote.is_some() && chars.get(j) == quote.as_ref() {
                            j += 1;
                        }
                    }
                    i = j;
                    continue;
                }
                _ if word_start && !c.is_whitespace() => {
                    let end = (i + 1..chars.len())
                        .find(|&k| chars[k].is_whitespace() || ";&|()<>".contains(chars[k]))
                        .unwrap_or(chars.len());
                    let word: String = chars[i..end].iter().collect();
                    match word.as_str() {
                        "{" if end == chars.len() || chars[end].is_whitespace() => {
                            self.brace += 1;
                            command_position = true;
                        }
                        "}" => self.brace -= 1,
                        "if" | "for" | "while" | "until" | "select" | "case"
                            if command_position =>
                        {
                            self.keywords += 1;
                            if word == "case" {
                                self.case += 1;
                            }
                            command_position = word != "case" && word != "for" && word != "select";
                        }
                        "fi" | "done" | "esac" if command_position => {
                            self.keywords -= 1;
                            if word == "esac" {
                                self.case -= 1;
                            }
                            command_position = false;
                        }
                        "then" | "do" | "else" | "elif" | "!" | "time" => command_position = true,
                        _ => command_position = false,
                    }
                    // Quotes inside the word are handled by the main loop.
                    let quote_inside = chars[i..end].iter().position(|c| "'\"`\\".contains(*c));
                    i = match quote_inside {
                        Some(p) if p > 0 => i + p,
                        _ => end,
                    };
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
    }
}

/// Splits shell text into commands, full-line comments and blank lines.
/// Never loses text: a construct left open at the end becomes one command.
pub fn lex(text: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut lx = Lexer::default();
    let mut heredoc_body: Option<(String, bool)> = None;
    for line in text.lines() {
        if let Some((word, strip)) = &heredoc_body {
            current.push('\n');
            current.push_str(line);
            let candidate = if *strip {
                line.trim_start_matches('\t')
            } else {
                line
            };
            if candidate.trim_end() == word {
                heredoc_body = None;
                if lx.heredocs.is_empty() && lx.complete("") {
                    out.push(Piece::Command(std::mem::take(&mut current)));
                    lx = Lexer::default();
                } else if !lx.heredocs.is_empty() {
                    heredoc_body = Some(lx.heredocs.remove(0));
                }
            }
            continue;
        }
        if current.is_empty() {
            let t = line.trim();
            if t.is_empty() {
                out.push(Piece::Blank);
                continue;
            }
            if t.starts_with('#') {
                out.push(Piece::Comment(line.to_string()));
                continue;
            }
        } else {
            current.push('\n');
        }
        current.push_str(line);
        lx.scan(line);
        if !lx.heredocs.is_empty() {
            heredoc_body = Some(lx.heredocs.remove(0));
            continue;
        }
        if lx.complete(line) {
            out.push(Piece::Command(std::mem::take(&mut current)));
            lx = Lexer::default();
        }
    }
    if !current.trim().is_empty() {
        out.push(Piece::Command(current));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn commands(text: &str) -> Vec<String> {
        lex(text)
            .into_iter()
            .filter_map(|p| match p {
                Piece::Command(c) => Some(c),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn keeps_multi_line_constructs_together() {
        let text = "ls -l\ncurl -X POST x \\\n  -d '{\"a\":\n 1}'\nif [ $SIZE -lt 1 ]; then\n  echo no\n  exit 1\nfi\ncat <<EOF > f\nline\nEOF\nfor i in {1..10}; do\n  echo $i\ndone\necho \"$(date)\" | tee x |\n  wc -l\npsql -c \"\nSELECT 1;\n\"\n";
        let c = commands(text);
        assert_eq!(c.len(), 7, "{c:#?}");
        assert!(c[1].ends_with("1}'"));
        assert!(c[2].ends_with("fi"));
        assert!(c[3].ends_with("EOF"));
        assert!(c[6].ends_with('"'));
    }
}
