//! The printable checklist's choices, conditions and reference snippets:
//! a choice lists its options as branches (and each branch step says which
//! option it belongs to), a condition reads "only if …", and the snippets
//! end the checklist in a Reference section.

use super::doc::{Block, Detail, Item, Section};
use super::from_procedure::Builder;
use crate::procedure::Step;

impl Builder<'_> {
    /// What a step's choice or condition adds to its entry.
    pub(super) fn branch_details(&self, s: &Step) -> Vec<Detail> {
        let t = self.t;
        let mut out = Vec::new();
        if let Some(q) = &s.condition {
            out.push(Detail::strong(
                crate::tr!(t, "branch-export-only-if"),
                self.clean(q),
            ));
        }
        if let Some(choice) = &s.choice {
            out.push(Detail::strong(
                crate::tr!(t, "branch-export-choose"),
                self.clean(&choice.question),
            ));
            for (n, o) in choice.options.iter().enumerate() {
                let runs = if o.steps.is_empty() {
                    crate::tr!(t, "branch-option-runs-nothing")
                } else {
                    crate::tr!(t, "branch-option-runs", steps = o.steps.join(", "))
                };
                out.push(Detail::plain(format!(
                    "[ ] {}) {} — {runs}",
                    n + 1,
                    self.clean(&o.title)
                )));
            }
        }
        if let Some((owner, option)) = self.p.choice_owning(&s.id) {
            out.push(Detail::line(
                crate::tr!(t, "branch-export-branch"),
                crate::tr!(
                    t,
                    "branch-export-branch-of",
                    option = self.clean(&option.title),
                    step = owner.id.as_str()
                ),
            ));
        }
        out
    }

    /// The reference snippets, after the procedure.
    pub(super) fn snippets(&self) -> Option<Section> {
        if self.p.snippets.is_empty() {
            return None;
        }
        // Entries without a box: nothing to tick, commands wrapped as a
        // step's are.
        let items = self
            .p
            .snippets
            .iter()
            .map(|sn| {
                let mut item = Item::new(None, self.clean(&sn.title));
                item.id = Some(self.clean(&sn.id));
                if let Some(text) = &sn.text {
                    item.details.push(Detail::plain(self.clean(text)));
                }
                item.details.extend(self.code(None, &sn.commands));
                item
            })
            .collect();
        let blocks = vec![
            Block::Text(crate::tr!(self.t, "branch-export-reference-intro")),
            Block::Items(items),
        ];
        Some(Section {
            title: Some(crate::tr!(self.t, "branch-export-reference")),
            aside: None,
            blocks,
        })
    }
}
