//! Styles and symbols. Without colour (NO_COLOR) everything that matters is
//! still told by symbols and by bold/reverse video; `--ascii` swaps box
//! drawing for plain characters.

use crate::run::StepStatus;
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

pub struct Look {
    pub color: bool,
    pub ascii: bool,
}

pub const ASCII_BORDER: border::Set = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

impl Look {
    pub fn border(&self) -> border::Set<'static> {
        if self.ascii {
            ASCII_BORDER
        } else {
            border::PLAIN
        }
    }

    pub fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::default().fg(c)
        } else {
            Style::default()
        }
    }

    pub fn status(&self, s: StepStatus) -> Style {
        match s {
            StepStatus::Done => self.fg(Color::Green),
            StepStatus::Failed => self.fg(Color::Red).add_modifier(Modifier::BOLD),
            StepStatus::Running | StepStatus::AwaitingValidation | StepStatus::AwaitingOperator => {
                self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
            }
            StepStatus::Skipped
            | StepStatus::RolledBack
            | StepStatus::NotChosen
            | StepStatus::SkippedByCondition => self.fg(Color::DarkGray),
            StepStatus::Interrupted => self.fg(Color::Magenta),
            StepStatus::Pending => Style::default(),
        }
    }

    /// A step done by the operator's word, not its exit code.
    pub fn overridden(&self) -> Style {
        self.fg(Color::Yellow)
    }

    pub fn selected(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }

    pub fn title(&self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }

    pub fn dim(&self) -> Style {
        if self.color {
            Style::default().fg(Color::DarkGray)
        } else {
            Style::default()
        }
    }

    pub fn alert(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn branch(&self, last: bool) -> &'static str {
        match (self.ascii, last) {
            (false, false) => "├─ ",
            (false, true) => "└─ ",
            (true, false) => "|- ",
            (true, true) => "`- ",
        }
    }

    /// A bar of `width` cells, `ratio` full (over 1.0 is clamped, and the
    /// caller flags it).
    pub fn bar(&self, ratio: f64, width: usize) -> String {
        let full = ((ratio.clamp(0.0, 1.0)) * width as f64).round() as usize;
        let (f, e) = if self.ascii {
            ('#', '.')
        } else {
            ('█', '░')
        };
        let mut s = String::with_capacity(width * 3);
        s.extend(std::iter::repeat_n(f, full));
        s.extend(std::iter::repeat_n(e, width - full.min(width)));
        s
    }
}

/// Cuts `s` to `width` characters, ending in `…` when cut.
pub fn fit(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    s.chars()
        .take(width - 1)
        .chain(std::iter::once('…'))
        .collect()
}

/// `s` cut or padded to exactly `width` characters.
pub fn cell(s: &str, width: usize) -> String {
    let s = fit(s, width);
    let pad = width.saturating_sub(s.chars().count());
    format!("{s}{}", " ".repeat(pad))
}

pub fn mark(s: StepStatus) -> &'static str {
    s.symbol()
}

/// The box of a step the operator marked done with a reason.
pub const OVERRIDDEN: &str = "[*]";

/// Done because the operator said so (an override), not by its exit code.
pub fn is_overridden(item: &crate::run::Item) -> bool {
    item.status == StepStatus::Done && item.why.reason.is_some()
}

pub fn clock(ms: u64) -> String {
    let s = ms / 1000;
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, (s % 3600) / 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}
