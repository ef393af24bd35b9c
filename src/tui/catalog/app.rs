//! The catalog screen's state and what each action does to it. Drawing
//! lives in `tui/view/catalog*.rs`; the loop in `catalog/mod.rs`. The
//! KPIs (`K`) and runs (`l`) of a procedure open the review browser's own
//! screens inside the catalog; Esc comes back.

use crate::catalog::{Catalog, Entry};
use crate::history::kpi::{Filter, compute};
use crate::history::scan::Scan;
use crate::i18n::Lang;
use crate::tr;
use crate::tui::filter_line::FilterEdit;
use crate::tui::keymap::{Action, Keymap, Mode};
use crate::tui::review::app::{ReviewApp, Screen};
use crate::tui::review::kpi::KpiView;
use crossterm::event::KeyEvent;
use std::path::PathBuf;

/// What the operator chose to do with a procedure (the caller hands it
/// to the run screen once the catalog's terminal is released).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chosen {
    pub file: PathBuf,
    pub dry_run: bool,
}

/// The dialog Enter opens: rehearse (the default, the safe one) or run live.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    /// Index into `catalog.entries`.
    pub entry: usize,
    pub live: bool,
}

/// The review browser opened over the catalog.
pub struct Nested {
    pub review: ReviewApp,
    /// Opened on the KPI screen (Esc there comes back to the catalog).
    pub from_kpi: bool,
}

/// The scan of the history running behind the catalog screen (see
/// `catalog::summary`): its runs, or why it failed.
pub type PendingScan = std::sync::mpsc::Receiver<Result<Scan, String>>;

pub struct CatalogApp {
    pub catalog: Catalog,
    /// The history the catalog was built from, for the KPI and run screens.
    pub scan: Scan,
    /// The scan still running; `scan` is empty and the figures are the
    /// last summary's until it ends.
    pub pending: Option<PendingScan>,
    /// Indexes into `catalog.entries` that pass the filter, in order.
    pub visible: Vec<usize>,
    /// Position in `visible`.
    pub selected: usize,
    pub filter: String,
    pub filtering: bool,
    pub choice: Option<Choice>,
    pub nested: Option<Nested>,
    pub help: bool,
    pub keymap: Keymap,
    pub lang: Lang,
    pub ascii: bool,
    pub color: bool,
    pub mono: bool,
    pub data_dir: PathBuf,
    /// The config file that names the procedures directories (for messages).
    pub config_file: PathBuf,
    /// A message for the footer, and whether it is an alert.
    pub status: Option<(String, bool)>,
    pub chosen: Option<Chosen>,
    pub quit: bool,
    pub redraw: bool,
    pub size: (u16, u16),
}

impl CatalogApp {
    pub fn new(
        catalog: Catalog,
        scan: Scan,
        keymap: Keymap,
        lang: Lang,
        data_dir: PathBuf,
    ) -> CatalogApp {
        let mut app = CatalogApp {
            visible: (0..catalog.entries.len()).collect(),
            catalog,
            scan,
            pending: None,
            selected: 0,
            filter: String::new(),
            filtering: false,
            choice: None,
            nested: None,
            help: false,
            keymap,
            lang,
            ascii: false,
            color: true,
            mono: false,
            data_dir,
            config_file: PathBuf::from("config.toml"),
            status: None,
            chosen: None,
            quit: false,
            redraw: false,
            size: (80, 24),
        };
        app.refilter();
        app
    }

    pub fn set_size(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        if let Some(n) = &mut self.nested {
            n.review.set_size(width, height);
        }
    }

    /// Takes the scan's result if it has ended; true when the figures
    /// changed (the screen is drawn again).
    pub fn poll_history(&mut self) -> bool {
        use std::sync::mpsc::TryRecvError;
        let Some(rx) = &self.pending else {
            return false;
        };
        let result = match rx.try_recv() {
            Ok(r) => r,
            Err(TryRecvError::Empty) => return false,
            Err(TryRecvError::Disconnected) => Err(String::new()),
        };
        self.pending = None;
        self.history_arrived(result);
        true
    }

    /// Waits for the scan: the KPI and run screens need the runs.
    fn wait_history(&mut self) {
        if let Some(rx) = self.pending.take() {
            let result = rx.recv().unwrap_or_else(|_| Err(String::new()));
            self.history_arrived(result);
        }
    }

    fn history_arrived(&mut self, result: Result<Scan, String>) {
        match result {
            Ok(scan) => {
                self.catalog.set_scan(&scan, &self.data_dir);
                self.scan = scan;
                self.refilter();
            }
            Err(error) => {
                self.status = Some((
                    tr!(
                        self.lang,
                        "catalog-history-failed",
                        path = self.data_dir.display().to_string(),
                        error = error
                    ),
                    true,
                ));
            }
        }
    }

    pub fn selected_entry(&self) -> Option<&Entry> {
        self.visible
            .get(self.selected)
            .map(|i| &self.catalog.entries[*i])
    }

    pub fn set_filter(&mut self, filter: &str) {
        self.filter = filter.to_string();
        self.refilter();
    }

    fn refilter(&mut self) {
        let keep = self.visible.get(self.selected).copied();
        let lang = self.lang;
        self.visible = (0..self.catalog.entries.len())
            .filter(|i| {
                let e = &self.catalog.entries[*i];
                e.matches(&self.filter, &words(e, lang))
            })
            .collect();
        self.selected = keep
            .and_then(|k| self.visible.iter().position(|i| *i == k))
            .unwrap_or(0);
    }

    /// A key press: to the review browser when one is open, typed into the
    /// filter while filtering, else looked up in the `catalog` keymap mode.
    pub fn key(&mut self, ev: KeyEvent) {
        if let Some(n) = &mut self.nested {
            let action = self.keymap.lookup(Mode::Log, &ev);
            let at_start = match &n.review.screen {
                Screen::Kpi(_) => n.from_kpi,
                Screen::List => n.review.filter.is_empty() || !n.from_kpi,
                Screen::Run(_) => false,
            };
            let leave = !n.review.help
                && !n.review.filtering
                && (action == Some(Action::Quit) || (action == Some(Action::Back) && at_start));
            if leave {
                self.nested = None;
                self.redraw = true;
                return;
            }
            n.review.key(ev);
            if n.review.quit {
                self.nested = None;
            }
            return;
        }
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
        if let Some(a) = self.keymap.lookup(Mode::Catalog, &ev) {
            self.act(a);
        }
    }

    pub fn act(&mut self, a: Action) {
        self.status = None;
        if let Some(c) = &mut self.choice {
            match a {
                Action::NextStep | Action::PreviousStep => c.live = !c.live,
                Action::OpenProcedure => {
                    let c = *c;
                    self.choice = None;
                    self.chosen = Some(Chosen {
                        file: self.catalog.entries[c.entry].path.clone(),
                        dry_run: !c.live,
                    });
                    self.quit = true;
                }
                Action::Back => self.choice = None,
                Action::Quit => self.quit = true,
                _ => {}
            }
            return;
        }
        let n = self.visible.len();
        let page = self.size.1.saturating_sub(12).max(1) as usize;
        let last = n.saturating_sub(1);
        match a {
            Action::Quit => self.quit = true,
            Action::Help => self.help = true,
            Action::Redraw => self.redraw = true,
            Action::NextStep => self.selected = (self.selected + 1).min(last),
            Action::PreviousStep => self.selected = self.selected.saturating_sub(1),
            Action::FirstStep => self.selected = 0,
            Action::LastStep => self.selected = last,
            Action::ScrollDown => self.selected = (self.selected + page).min(last),
            Action::ScrollUp => self.selected = self.selected.saturating_sub(page),
            Action::FilterProcedures => self.filtering = true,
            Action::Back if !self.filter.is_empty() => self.set_filter(""),
            Action::OpenProcedure => {
                if let Some(i) = self.visible.get(self.selected) {
                    self.choice = Some(Choice {
                        entry: *i,
                        live: false,
                    });
                }
            }
            Action::ShowKpi => self.open_kpis(),
            Action::ShowRuns => self.open_runs(),
            _ => {}
        }
    }

    fn review(&self) -> ReviewApp {
        let listing = crate::history::listing::from_scan(&self.data_dir, self.scan.clone());
        let (runs, unreadable) = crate::tui::review::runs::newest_first(listing);
        let mut r = ReviewApp::new(runs, self.keymap.clone(), self.lang, self.data_dir.clone());
        r.unreadable = unreadable.into_iter().map(|u| u.run_id).collect();
        r.ascii = self.ascii;
        r.color = self.color;
        r.mono = self.mono;
        r.set_size(self.size.0, self.size.1);
        r
    }

    /// `K`: the KPI screen, on the selected procedure.
    fn open_kpis(&mut self) {
        self.wait_history();
        let Some(id) = self.selected_entry().map(|e| e.id.clone()) else {
            return;
        };
        let kpis = compute(&self.scan, &Filter::default());
        if !kpis.procedures.iter().any(|p| p.procedure_id == id) {
            self.status = Some((tr!(self.lang, "catalog-no-kpis", id = id.as_str()), false));
            return;
        }
        let mut review = self.review();
        review.screen = Screen::Kpi(Box::new(KpiView::new(kpis, Some(&id))));
        self.nested = Some(Nested {
            review,
            from_kpi: true,
        });
    }

    /// `l`: the runs of the selected procedure, newest first.
    fn open_runs(&mut self) {
        self.wait_history();
        let Some(id) = self.selected_entry().map(|e| e.id.clone()) else {
            return;
        };
        if !self.scan.runs.iter().any(|r| r.procedure_id == id) {
            self.status = Some((tr!(self.lang, "catalog-no-runs", id = id.as_str()), false));
            return;
        }
        let mut review = self.review();
        review.set_filter(&id);
        self.nested = Some(Nested {
            review,
            from_kpi: false,
        });
    }
}

/// The words the catalog shows for an entry's classification, so the
/// filter finds what the operator reads (`crítica`, `Emergencia`).
fn words(e: &Entry, lang: Lang) -> String {
    use crate::catalog::index::{category_word, criticality_word, frequency_word};
    format!(
        "{} {} {}",
        criticality_word(lang, e.criticality),
        category_word(lang, e.category),
        frequency_word(lang, e.frequency)
    )
}
