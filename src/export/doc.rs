//! The checklist as a document: sections of blocks with every word already
//! in the reader's language. Built from a procedure or from a past run;
//! the renderers (`txt`, `md`, `html`) only decide the layout.

use crate::i18n::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doc {
    pub lang: Lang,
    /// `PROC-X · Title`.
    pub title: String,
    /// What kind of checklist it is (`Quick checklist`).
    pub kind: String,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// `None` for the header section right under the title.
    pub title: Option<String>,
    /// Next to the title: a phase's budget.
    pub aside: Option<String>,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// Label and value pairs (the procedure's metadata).
    Fields(Vec<(String, String)>),
    /// Labels with a line to write on by hand.
    Blanks(Vec<String>),
    /// A group or a phase: its name and, aside, its budget.
    Heading {
        text: String,
        aside: Option<String>,
    },
    /// A checklist.
    Items(Vec<Item>),
    /// A list without boxes.
    Bullets(Vec<String>),
    Text(String),
    /// An indented tree (the decision tree).
    Tree(Vec<TreeLine>),
    /// Shell commands, shown as they are (never wrapped), to copy.
    Code(Vec<String>),
}

/// What a box holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// To tick by hand.
    Empty,
    Done,
    Failed,
    Skipped,
    /// Done, then undone by its own rollback.
    Undone,
    Interrupted,
    InProgress,
    /// A step of an option not chosen: it did not run.
    NotChosen,
    /// Its condition was answered "no": it did not run.
    SkippedByCondition,
}

impl Mark {
    /// As drawn in plain text and Markdown.
    pub fn symbol(self) -> &'static str {
        match self {
            Mark::Empty => "[ ]",
            Mark::Done => "[x]",
            Mark::Failed => "[!]",
            Mark::Skipped => "[-]",
            Mark::Undone => "[~]",
            Mark::Interrupted => "[?]",
            Mark::InProgress => "[>]",
            Mark::NotChosen => crate::run::StepStatus::NotChosen.symbol(),
            Mark::SkippedByCondition => crate::run::StepStatus::SkippedByCondition.symbol(),
        }
    }

    /// What goes inside the printed square (HTML).
    pub fn glyph(self) -> &'static str {
        match self {
            Mark::Empty => "",
            Mark::Done => "✓",
            Mark::Failed => "!",
            Mark::Skipped => "–",
            Mark::Undone => "~",
            Mark::Interrupted => "?",
            Mark::InProgress => "›",
            Mark::NotChosen => "/",
            Mark::SkippedByCondition => "n",
        }
    }

    /// A CSS class name for it.
    pub fn class(self) -> &'static str {
        match self {
            Mark::Empty => "empty",
            Mark::Done => "done",
            Mark::Failed => "failed",
            Mark::Skipped => "skipped",
            Mark::Undone => "undone",
            Mark::Interrupted => "interrupted",
            Mark::InProgress => "in-progress",
            Mark::NotChosen => "not-chosen",
            Mark::SkippedByCondition => "skipped-by-condition",
        }
    }
}

/// One line of a checklist: a box, an id, a title and what to know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// `None`: no box (a list entry that is not ticked).
    pub mark: Option<Mark>,
    pub id: Option<String>,
    pub title: String,
    /// On the right: the estimate, or the time taken against it.
    pub aside: Option<String>,
    /// Short capitalised warnings (`CONFIRM`).
    pub flags: Vec<String>,
    pub details: Vec<Detail>,
}

impl Item {
    pub fn new(mark: Option<Mark>, title: impl Into<String>) -> Item {
        Item {
            mark,
            id: None,
            title: title.into(),
            aside: None,
            flags: Vec::new(),
            details: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detail {
    /// `label: text`; `strong` for what must not be missed (a deviation).
    Line {
        label: Option<String>,
        text: String,
        strong: bool,
    },
    /// Commands, already abridged: one entry per command, its lines
    /// joined with `\n`; `label` says what they are for (`check`).
    Code {
        label: Option<String>,
        commands: Vec<String>,
    },
}

impl Detail {
    pub fn line(label: impl AsRef<str>, text: impl Into<String>) -> Detail {
        Detail::Line {
            label: Some(label.as_ref().to_string()),
            text: text.into(),
            strong: false,
        }
    }

    pub fn strong(label: impl AsRef<str>, text: impl Into<String>) -> Detail {
        Detail::Line {
            label: Some(label.as_ref().to_string()),
            text: text.into(),
            strong: true,
        }
    }

    pub fn plain(text: impl Into<String>) -> Detail {
        Detail::Line {
            label: None,
            text: text.into(),
            strong: false,
        }
    }
}

/// One node of a tree, at its depth.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeLine {
    pub depth: usize,
    /// The answer that leads here (`yes`, `no`); `None` for a root.
    pub branch: Option<String>,
    pub text: String,
    /// An action that starts the rollback.
    pub strong: bool,
}
