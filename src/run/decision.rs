//! The rollback decision tree at the current moment: the path from the
//! root through the operator's answers, ending at an unanswered question
//! or at an action.

use super::engine::Engine;
use crate::procedure::DecisionNode;

#[derive(Debug, Clone)]
pub struct DecisionStep<'a> {
    pub node: &'a DecisionNode,
    /// The operator's answer, for questions answered.
    pub answer: Option<bool>,
}

impl Engine {
    pub fn decision_path(&self) -> Vec<DecisionStep<'_>> {
        let tree = &self.procedure.decision_tree;
        let mut out = Vec::new();
        let mut current = tree.first();
        while let Some(node) = current {
            if out.iter().any(|s: &DecisionStep<'_>| s.node.id == node.id) {
                break; // the loader rejects cycles; never loop anyway
            }
            let answer = self.state.answers.get(&node.id).copied();
            out.push(DecisionStep { node, answer });
            let next = match answer {
                Some(true) => node.yes.as_deref(),
                Some(false) => node.no.as_deref(),
                None => None,
            };
            current = next.and_then(|id| tree.iter().find(|n| n.id == id));
        }
        out
    }

    /// The action the answers lead to, once they reach one.
    pub fn decision_outcome(&self) -> Option<&DecisionNode> {
        self.decision_path()
            .last()
            .map(|s| s.node)
            .filter(|n| n.action.is_some())
    }

    /// The question waiting for an answer, if any.
    pub fn pending_question(&self) -> Option<&DecisionNode> {
        self.decision_path()
            .last()
            .map(|s| s.node)
            .filter(|n| n.question.is_some() && !self.state.answers.contains_key(&n.id))
    }
}
