//! The browser's state and what each action does to it. Drawing lives in
//! `tui/view/review/`; the loop in `review/mod.rs`.

use super::detail::{RunDetail, Tab};
use super::kpi::KpiView;
use super::runs::RunEntry;
use crate::i18n::Lang;
use crate::tui::filter_line::FilterEdit;
use crate::tui::keymap::{Action, Keymap, Mode};
use crossterm::event::KeyEvent;
use std::path::PathBuf;

pub enum Screen {
    List,
    Run(Box<RunDetail>),
    Kpi(Box<KpiView>),
}

pub struct ReviewApp {
    pub runs: Vec<RunEntry>,
    /// Journals that cannot be read as a run (named in the list's header).
    pub unreadable: Vec<String>,
    /// Indexes into `runs` that pass the filter.
    pub visible: Vec<usize>,
    /// Position in `visible`.
    pub selected: usize,
    pub filter: String,
    /// Typing into the filter line.
    pub filtering: bool,
    pub screen: Screen,
    pub help: bool,
    pub keymap: Keymap,
    pub lang: Lang,
    pub ascii: bool,
    pub color: bool,
    /// Only the 16 basic colours (vt100, linux console).
    pub mono: bool,
    pub data_dir: PathBuf,
    /// A message for the footer, and whether it is an alert.
    pub status: Option<(String, bool)>,
    pub quit: bool,
    /// Ctrl-L: clear the terminal before the next frame.
    pub redraw: bool,
    /// Size of the last frame, for paging and the two-pane layout.
    pub size: (u16, u16),
}

/// From this width the run view shows the transcript next to the timeline.
pub const WIDE: u16 = 160;

impl ReviewApp {
    pub fn new(runs: Vec<RunEntry>, keymap: Keymap, lang: Lang, data_dir: PathBuf) -> Self {
        let mut app = ReviewApp {
            visible: (0..runs.len()).collect(),
            runs,
            unreadable: Vec::new(),
            selected: 0,
            filter: String::new(),
            filtering: false,
            screen: Screen::List,
            help: false,
            keymap,
            lang,
            ascii: false,
            color: true,
            mono: false,
            data_dir,
            status: None,
            quit: false,
            redraw: false,
            size: (80, 24),
        };
        app.refilter();
        app
    }

    /// The terminal's size before a frame; the replayed transcript is
    /// reflowed to the pane it will be drawn in.
    pub fn set_size(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        if let Screen::Run(d) = &mut self.screen {
            let (cols, rows) = transcript_pane(width, height);
            d.fit_transcript(cols, rows);
        }
    }

    /// The language the browser speaks (its words come from the catalog).
    pub fn t(&self) -> crate::i18n::Lang {
        self.lang
    }

    pub fn wide(&self) -> bool {
        self.size.0 >= WIDE
    }

    pub fn selected_run(&self) -> Option<&RunEntry> {
        self.visible.get(self.selected).map(|i| &self.runs[*i])
    }

    pub fn set_filter(&mut self, filter: &str) {
        self.filter = filter.to_string();
        self.refilter();
    }

    fn refilter(&mut self) {
        let keep = self.selected_run().map(|r| r.record.run_id.clone());
        self.visible = (0..self.runs.len())
            .filter(|i| {
                let r = &self.runs[*i];
                r.matches(&self.filter, &r.record.status.word(self.t()))
            })
            .collect();
        self.selected = keep
            .and_then(|id| {
                self.visible
                    .iter()
                    .position(|i| self.runs[*i].record.run_id == id)
            })
            .unwrap_or(0);
    }

    /// A key press: typed into the filter while filtering, otherwise looked
    /// up in the `log` mode of the keymap.
    pub fn key(&mut self, ev: KeyEvent) {
        if self.help {
            self.help = false;
            return;
        }
        if self.filtering {
            match crate::tui::filter_line::edit(&mut self.filter, &ev) {
                FilterEdit::Quit => self.quit = true,
                FilterEdit::Changed => self.refilter(),
                FilterEdit::Done => self.filtering = false,
                FilterEdit::Cleared => {
                    self.filtering = false;
                    self.set_filter("");
                }
                FilterEdit::Ignored => {}
            }
            return;
        }
        if let Some(a) = self.keymap.lookup(Mode::Log, &ev) {
            self.act(a);
        }
    }

    pub fn act(&mut self, a: Action) {
        self.status = None;
        match a {
            Action::Quit => self.quit = true,
            Action::Help => self.help = true,
            Action::Redraw => self.redraw = true,
            _ => {}
        }
        let page = self.size.1.saturating_sub(8).max(1) as usize;
        match &mut self.screen {
            Screen::List => self.act_list(a, page),
            Screen::Run(d) => {
                if a == Action::Back {
                    self.screen = Screen::List;
                } else if a == Action::ShowKpi {
                    let id = d.entry.record.procedure_id.clone();
                    self.open_kpis(Some(&id));
                } else {
                    let wide = self.size.0 >= WIDE;
                    act_run(d, a, page, wide);
                }
            }
            Screen::Kpi(k) => match a {
                Action::Back => self.screen = Screen::List,
                Action::NextPane | Action::PreviousPane => k.cycle(a == Action::NextPane),
                Action::NextStep => k.step_row += 1,
                Action::PreviousStep => k.step_row = k.step_row.saturating_sub(1),
                Action::ScrollDown => k.step_row += page,
                Action::ScrollUp => k.step_row = k.step_row.saturating_sub(page),
                Action::FirstStep => k.step_row = 0,
                _ => {}
            },
        }
        if let Screen::Kpi(k) = &mut self.screen {
            let steps = k.current().map(|p| p.steps.len()).unwrap_or(0);
            k.step_row = k.step_row.min(steps.saturating_sub(1));
        }
    }

    /// The KPI screen, on the procedure `select` when given.
    pub fn open_kpis(&mut self, select: Option<&str>) {
        match KpiView::load(&self.data_dir, select) {
            Ok(k) => self.screen = Screen::Kpi(Box::new(k)),
            Err(e) => self.status = Some((e, true)),
        }
    }

    fn act_list(&mut self, a: Action, page: usize) {
        let n = self.visible.len();
        match a {
            Action::NextStep => self.selected = (self.selected + 1).min(n.saturating_sub(1)),
            Action::PreviousStep => self.selected = self.selected.saturating_sub(1),
            Action::FirstStep => self.selected = 0,
            Action::LastStep => self.selected = n.saturating_sub(1),
            Action::ScrollDown => self.selected = (self.selected + page).min(n.saturating_sub(1)),
            Action::ScrollUp => self.selected = self.selected.saturating_sub(page),
            Action::FilterRuns => self.filtering = true,
            Action::ShowKpi => {
                let id = self.selected_run().map(|r| r.record.procedure_id.clone());
                self.open_kpis(id.as_deref());
            }
            Action::Back if !self.filter.is_empty() => self.set_filter(""),
            Action::OpenRun => {
                if let Some(entry) = self.selected_run().cloned() {
                    match RunDetail::open(entry, self.t()) {
                        Ok(d) => self.screen = Screen::Run(Box::new(d)),
                        Err(e) => self.status = Some((e, true)),
                    }
                }
            }
            _ => {}
        }
    }
}

/// The transcript's pane at this terminal size, as `view::review::run`
/// lays it out: below the 3-line header and the tabs, above the 2-line
/// footer, under its own title line; in the wide layout the right half,
/// inside a border.
fn transcript_pane(width: u16, height: u16) -> (u16, u16) {
    let body = height.saturating_sub(3 + 1 + 2);
    if width >= WIDE {
        (width - width / 2 - 2, body.saturating_sub(3))
    } else {
        (width, body.saturating_sub(1))
    }
}

fn act_run(d: &mut RunDetail, a: Action, page: usize, wide: bool) {
    // In the wide layout the transcript is always on the right and the
    // left pane never shows it.
    let transcript_focus = d.tab == Tab::Transcript && !wide;
    match a {
        Action::NextPane | Action::PreviousPane => {
            d.tab = d.tab.cycle(a == Action::NextPane);
            if wide && d.tab == Tab::Transcript {
                d.tab = d.tab.cycle(a == Action::NextPane);
            }
        }
        Action::NextCommand | Action::PreviousCommand => {
            let i = if a == Action::NextCommand {
                (d.at_command + 1).min(d.commands.len())
            } else {
                d.at_command.saturating_sub(1)
            };
            d.show_command(i);
            if let Some(c) = d.commands.get(i) {
                d.row = c.row;
            }
            if !wide && d.tab != Tab::Transcript {
                d.tab = Tab::Transcript;
            }
        }
        Action::OpenRun => {
            let row = match d.tab {
                Tab::Steps => d.step_rows.get(d.step_row).copied().flatten(),
                _ => Some(d.row),
            };
            if let Some(c) = row.and_then(|r| d.command_of_row(r)) {
                d.show_command(c);
                if !wide {
                    d.tab = Tab::Transcript;
                }
            }
        }
        _ if transcript_focus => {
            if let Some(e) = d.replay.as_mut() {
                match a {
                    Action::PreviousStep => e.scroll(1),
                    Action::NextStep => e.scroll(-1),
                    Action::ScrollUp => e.scroll(page as i32),
                    Action::ScrollDown => e.scroll(-(page as i32)),
                    Action::FirstStep => e.scroll(e.history_len() as i32),
                    Action::LastStep => e.scroll_to_bottom(),
                    _ => {}
                }
            }
        }
        Action::ScrollUp | Action::ScrollDown if wide => {
            if let Some(e) = d.replay.as_mut() {
                let lines = page as i32;
                e.scroll(if a == Action::ScrollUp { lines } else { -lines });
            }
        }
        _ => {
            let (pos, len) = match d.tab {
                Tab::Steps => (&mut d.step_row, d.review.steps.len()),
                _ => (&mut d.row, d.rows.len()),
            };
            if d.tab == Tab::Notes {
                match a {
                    Action::NextStep => d.notes_scroll = d.notes_scroll.saturating_add(1),
                    Action::PreviousStep => d.notes_scroll = d.notes_scroll.saturating_sub(1),
                    Action::ScrollDown => {
                        d.notes_scroll = d.notes_scroll.saturating_add(page as u16)
                    }
                    Action::ScrollUp => d.notes_scroll = d.notes_scroll.saturating_sub(page as u16),
                    Action::FirstStep => d.notes_scroll = 0,
                    _ => {}
                }
                return;
            }
            let last = len.saturating_sub(1);
            match a {
                Action::NextStep => *pos = (*pos + 1).min(last),
                Action::PreviousStep => *pos = pos.saturating_sub(1),
                Action::ScrollDown => *pos = (*pos + page).min(last),
                Action::ScrollUp => *pos = pos.saturating_sub(page),
                Action::FirstStep => *pos = 0,
                Action::LastStep => *pos = last,
                _ => {}
            }
        }
    }
}
