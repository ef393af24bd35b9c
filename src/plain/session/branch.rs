//! Line mode's questions before a step (a choice, a condition) and its
//! reference snippets, listed and sent to the shell as commands typed by
//! hand.

use super::{Session, Stop};
use crate::plain::input::say;
use crate::run::{Msg, Question};
use crate::tr;

/// What the operator answered before a step.
pub(super) enum Answer {
    /// Go on and start the step.
    Start,
    /// The answer settled the step (a choice made, a condition answered
    /// no), or the operator went back: nothing to start.
    Settled,
}

impl Session {
    /// Asks the step's choice or condition, if it has one not answered yet.
    pub(super) fn ask_question(&mut self, id: &str) -> Result<Answer, Stop> {
        let Some(question) = self.engine.question_for(id) else {
            return Ok(Answer::Start);
        };
        match question {
            Question::Choice(choice) => {
                // The step card listed them, numbered.
                let options: Vec<String> = choice.options.iter().map(|o| o.id.clone()).collect();
                let answer = self.input.line(&format!(
                    "  {} ",
                    tr!(self.lang, "branch-plain-choose", count = options.len())
                ))?;
                let answer = answer.trim();
                if answer.is_empty() {
                    return Ok(Answer::Settled);
                }
                let option = answer
                    .parse::<usize>()
                    .ok()
                    .and_then(|n| n.checked_sub(1))
                    .and_then(|n| options.get(n))
                    .cloned()
                    .unwrap_or_else(|| answer.to_string());
                let fx = self.update(Msg::Choose {
                    step: id.to_string(),
                    option: option.clone(),
                });
                if !fx.is_empty() {
                    self.exec(fx)?;
                    say(&format!(
                        "✓ {}",
                        tr!(
                            self.lang,
                            "branch-chosen",
                            step = id,
                            option = option.as_str()
                        )
                    ));
                }
                Ok(Answer::Settled)
            }
            Question::Condition(q) => {
                let q = q.to_string();
                let answer = self.input.line(&format!(
                    "  {} {} ",
                    tr!(self.lang, "branch-condition-label", question = q.as_str()),
                    tr!(self.lang, "branch-plain-condition-keys")
                ))?;
                let yes = match answer.trim().to_lowercase().as_str() {
                    "y" | "s" | "si" | "sí" | "yes" => true,
                    "n" | "no" => false,
                    "" => return Ok(Answer::Settled),
                    _ => {
                        say(&tr!(self.lang, "plain-unknown-choice"));
                        return Ok(Answer::Settled);
                    }
                };
                let fx = self.update(Msg::AnswerCondition {
                    step: id.to_string(),
                    answer: yes,
                });
                if fx.is_empty() {
                    return Ok(Answer::Settled);
                }
                self.exec(fx)?;
                if yes {
                    Ok(Answer::Start)
                } else {
                    say(&format!(
                        "– {}",
                        tr!(self.lang, "branch-condition-skipped", step = id)
                    ));
                    Ok(Answer::Settled)
                }
            }
        }
    }

    /// Lists the reference snippets and sends the command picked.
    pub(super) fn snippets(&mut self) -> Result<(), Stop> {
        let snippets = self.engine.procedure().snippets.clone();
        if snippets.is_empty() {
            say(&tr!(self.lang, "branch-no-snippets"));
            return Ok(());
        }
        say(&format!("\n{}", tr!(self.lang, "branch-snippets-title")));
        let values = self.engine.substitution_values();
        let mut numbered: Vec<(String, usize)> = Vec::new();
        for s in &snippets {
            say(&format!("  {} [{}]", s.title, s.id));
            if let Some(t) = &s.text {
                for l in t.lines() {
                    say(&format!("      {l}"));
                }
            }
            for (i, c) in s.commands.iter().enumerate() {
                numbered.push((s.id.clone(), i));
                let shown = crate::run::substitute::substitute(&c.run, &values);
                for (n, l) in shown.lines().enumerate() {
                    if n == 0 {
                        say(&format!("    {}) $ {l}", numbered.len()));
                    } else {
                        say(&format!("         > {l}"));
                    }
                }
            }
        }
        let answer = self.input.line(&format!(
            "{} ",
            tr!(
                self.lang,
                "branch-plain-snippet-pick",
                count = numbered.len()
            )
        ))?;
        let Some((snippet, command)) = answer
            .trim()
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|n| numbered.get(n).cloned())
        else {
            if !answer.trim().is_empty() {
                say(&tr!(self.lang, "plain-unknown-choice"));
            }
            return Ok(());
        };
        // Line mode runs it at once: the operator sees it and says yes first.
        let text = self
            .engine
            .procedure()
            .snippet(&snippet)
            .and_then(|s| s.commands.get(command))
            .map(|c| crate::run::substitute::substitute(&c.run, &values))
            .unwrap_or_default();
        let sure = self.input.line(&format!(
            "  {} ",
            tr!(self.lang, "branch-plain-snippet-confirm", command = text)
        ))?;
        if !matches!(
            sure.trim().to_lowercase().as_str(),
            "y" | "s" | "si" | "sí" | "yes"
        ) {
            return Ok(());
        }
        let fx = self.update(Msg::SendSnippet { snippet, command });
        self.exec(fx)
    }

    /// A command of a reference snippet, run in the shell as if the
    /// operator typed it: journaled as typed by hand, attributed to the
    /// step in progress (or the next one).
    pub(super) fn run_by_hand(&mut self, command: &str) -> Result<(), Stop> {
        let step = self
            .engine
            .active_item()
            .or_else(|| self.engine.next_item())
            .or_else(|| self.engine.state().items.last())
            .map(|i| i.id.clone());
        let Some(step) = step else {
            return Ok(());
        };
        for (n, l) in command.lines().enumerate() {
            say(&format!("{} {l}", if n == 0 { "$" } else { ">" }));
        }
        let fx = self.update(Msg::CommandSent {
            step: step.clone(),
            command: command.to_string(),
            manual: true,
            transcript_offset: None,
        });
        self.exec(fx)?;
        let env = self.engine.command_env(&step);
        let (exit_code, duration_ms, _) = self.run_in_shell(command, &env);
        let fx = self.update(Msg::CommandFinished {
            step,
            exit_code,
            duration_ms,
            output: String::new(),
            source: crate::journal::ExitSource::Sentinel,
        });
        self.exec(fx)
    }
}
